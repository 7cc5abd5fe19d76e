package dev.mercado.payments.domain;

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
}
