package dev.mercado.catalog.domain;

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
    if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
      throw new IllegalArgumentException(
          amount + " has more decimals than " + currency + " allows");
    }
    amount = amount.setScale(currency.getDefaultFractionDigits());
  }

  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }
}
