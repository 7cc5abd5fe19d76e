package dev.mercado.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductTest {

  static Product aProduct(int onHand) {
    return Product.create(
        new ProductId(UUID.randomUUID()),
        "MUG-" + UUID.randomUUID().toString().substring(0, 8),
        "Enamel mug",
        "Blue",
        Money.of("12.50", "EUR"),
        onHand);
  }

  @Test
  void aNewProductStartsAtVersionOneWithNothingReserved() {
    Product product = aProduct(5);

    assertThat(product.version()).isEqualTo(1);
    assertThat(product.stock()).isEqualTo(Stock.of(5));
  }

  @Test
  void aNewPriceMakesANewVersion() {
    Product product = aProduct(5);

    Product changed = product.withPrice(Money.of("13", "EUR"));

    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.price()).isEqualTo(Money.of("13.00", "EUR"));
  }

  @Test
  void theSamePriceAgainChangesNothing() {
    Product product = aProduct(5);

    assertThat(product.withPrice(Money.of("12.5", "EUR"))).isSameAs(product);
  }

  @Test
  void aStockChangeKeepsTheVersion() {
    Product product = aProduct(5);

    assertThat(product.withStock(Stock.of(9)).version()).isEqualTo(1);
  }
}
