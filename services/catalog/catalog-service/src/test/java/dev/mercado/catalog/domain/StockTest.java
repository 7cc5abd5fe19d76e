package dev.mercado.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class StockTest {

  @Test
  void availableIsWhatIsOnHandMinusWhatIsReserved() {
    assertThat(new Stock(10, 3).available()).isEqualTo(7);
  }

  @Test
  void reservingHoldsUnitsWithoutTakingThemOffTheShelf() {
    Stock stock = Stock.of(10).reserve(4);

    assertThat(stock).isEqualTo(new Stock(10, 4));
  }

  @Test
  void refusesToReserveMoreThanIsAvailable() {
    Stock stock = new Stock(10, 8);

    assertThatIllegalStateException().isThrownBy(() -> stock.reserve(3));
    assertThat(stock.reserve(2)).isEqualTo(new Stock(10, 10));
  }

  @Test
  void releasingGivesReservedUnitsBack() {
    assertThat(new Stock(10, 4).release(4)).isEqualTo(Stock.of(10));
  }

  @Test
  void committingTakesReservedUnitsOffTheShelf() {
    assertThat(new Stock(10, 4).commit(3)).isEqualTo(new Stock(7, 1));
  }

  @Test
  void neverReleasesOrCommitsMoreThanIsReserved() {
    Stock stock = new Stock(10, 2);

    assertThatIllegalStateException().isThrownBy(() -> stock.release(3));
    assertThatIllegalStateException().isThrownBy(() -> stock.commit(3));
  }

  @Test
  void restockingAddsToWhatIsOnHand() {
    assertThat(new Stock(1, 1).restock(5)).isEqualTo(new Stock(6, 1));
  }

  @Test
  void isNeverNegativeNorReservedBeyondWhatIsOnHand() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Stock(-1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new Stock(5, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> new Stock(5, 6));
  }

  @Test
  void quantitiesMustBePositive() {
    Stock stock = new Stock(5, 2);

    assertThatIllegalArgumentException().isThrownBy(() -> stock.reserve(0));
    assertThatIllegalArgumentException().isThrownBy(() -> stock.release(-1));
    assertThatIllegalArgumentException().isThrownBy(() -> stock.commit(0));
    assertThatIllegalArgumentException().isThrownBy(() -> stock.restock(0));
  }
}
