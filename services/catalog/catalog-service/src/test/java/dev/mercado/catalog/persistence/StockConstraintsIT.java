package dev.mercado.catalog.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.catalog.RunningCatalog;
import dev.mercado.catalog.application.ProductAdministration;
import dev.mercado.catalog.domain.Money;
import dev.mercado.catalog.domain.Product;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database itself refuses impossible stock, whatever code writes it. */
class StockConstraintsIT extends RunningCatalog {

  @Autowired ProductAdministration administration;
  @Autowired JdbcClient jdbc;

  @Test
  void refusesNegativeStockOnHand() {
    Product product = aProduct();

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE product SET on_hand = -1 WHERE id = ?")
                    .param(product.id().value())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void refusesToReserveMoreThanIsOnHand() {
    Product product = aProduct();

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE product SET reserved = on_hand + 1 WHERE id = ?")
                    .param(product.id().value())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void refusesNegativeReservedStock() {
    Product product = aProduct();

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE product SET reserved = -1 WHERE id = ?")
                    .param(product.id().value())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private Product aProduct() {
    return administration.create(
        "DB-" + UUID.randomUUID().toString().substring(0, 8), "Crate", "", Money.of("1", "EUR"), 2);
  }
}
