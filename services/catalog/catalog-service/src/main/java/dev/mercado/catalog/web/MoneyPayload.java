package dev.mercado.catalog.web;

import dev.mercado.catalog.domain.Money;
import dev.mercado.platform.errors.InvalidFieldException;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in requests and responses.
 *
 * @param amount not negative, at most the currency's decimals
 * @param currency ISO 4217 code, e.g. {@code EUR}
 */
record MoneyPayload(
    @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency) {

  static MoneyPayload of(Money money) {
    return new MoneyPayload(money.amount(), money.currency().getCurrencyCode());
  }

  /**
   * @param path where this payload sits in the request body ({@code ""} for the whole body), to
   *     name the field in the error
   * @throws InvalidFieldException if the currency is unknown or has fewer decimals than given
   */
  Money toMoney(String path) {
    Currency code;
    try {
      code = Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field(path, "currency"), "is not a known ISO 4217 currency");
    }
    if (code.getDefaultFractionDigits() < 0) {
      throw new InvalidFieldException(
          field(path, "currency"), "is not a currency prices are given in");
    }
    if (amount.stripTrailingZeros().scale() > code.getDefaultFractionDigits()) {
      throw new InvalidFieldException(
          field(path, "amount"),
          "has more than " + code.getDefaultFractionDigits() + " decimals for " + currency);
    }
    return new Money(amount, code);
  }

  private static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
