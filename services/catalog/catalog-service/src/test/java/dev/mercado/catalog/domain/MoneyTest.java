package dev.mercado.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void normalisesTheScaleToTheCurrencysMinorUnits() {
    assertThat(Money.of("12.5", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(Money.of("7", "JPY").amount()).isEqualTo(new BigDecimal("7"));
  }

  @Test
  void rejectsNegativeAmounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.of("-0.01", "EUR"));
  }

  @Test
  void rejectsMoreDecimalsThanTheCurrencyHas() {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.001", "EUR"));
  }
}
