package dev.mercado.orders.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount of money in one currency, never negative, with the currency's minor-unit scale. */
public record Money(BigDecimal amount, Currency currency) {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("money cannot be negative: " + amount);
    }
    amount = amount.setScale(currency.getDefaultFractionDigits());
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money times(int quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
  }
}
