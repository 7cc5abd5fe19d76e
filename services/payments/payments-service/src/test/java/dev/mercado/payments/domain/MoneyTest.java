package dev.mercado.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void normalisesTheScaleToTheCurrencysMinorUnits() {
    assertThat(new Money(new BigDecimal("12.5"), EUR).amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(new Money(new BigDecimal("7.00"), Currency.getInstance("JPY")).amount())
        .isEqualTo(new BigDecimal("7"));
  }

  @Test
  void equalAmountsWrittenWithDifferentScalesAreEqual() {
    assertThat(new Money(new BigDecimal("25"), EUR))
        .isEqualTo(new Money(new BigDecimal("25.00"), EUR));
  }

  @Test
  void rejectsNegativeAmounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("-0.01"), EUR));
  }

  @Test
  void rejectsMoreDecimalsThanTheCurrencyHas() {
    assertThatThrownBy(() -> new Money(new BigDecimal("1.001"), EUR))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void requiresAnAmountAndACurrency() {
    assertThatThrownBy(() -> new Money(null, EUR)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, null))
        .isInstanceOf(NullPointerException.class);
  }
}
