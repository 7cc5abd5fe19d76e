package dev.mercado.orders.persistence;

import dev.mercado.orders.domain.Money;
import dev.mercado.orders.domain.ProductCopies;
import dev.mercado.orders.domain.ProductCopy;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProductCopies implements ProductCopies {

  private final JdbcClient jdbc;

  JdbcProductCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean upsertIfNewer(ProductCopy copy) {
    return jdbc.sql(
                """
                INSERT INTO product_copy (product_id, sku, name, price_amount, price_currency, version)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (product_id) DO UPDATE SET
                    sku = EXCLUDED.sku, name = EXCLUDED.name, price_amount = EXCLUDED.price_amount,
                    price_currency = EXCLUDED.price_currency, version = EXCLUDED.version,
                    updated_at = now()
                WHERE product_copy.version < EXCLUDED.version""")
            .params(
                copy.productId(),
                copy.sku(),
                copy.name(),
                copy.price().amount(),
                copy.price().currency().getCurrencyCode(),
                copy.version())
            .update()
        == 1;
  }

  @Override
  public Map<UUID, ProductCopy> find(Collection<UUID> productIds) {
    if (productIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "SELECT product_id, sku, name, price_amount, price_currency, version FROM product_copy"
                + " WHERE product_id = ANY(?)")
        .param(productIds.toArray(UUID[]::new))
        .query(
            (row, number) ->
                new ProductCopy(
                    row.getObject("product_id", UUID.class),
                    row.getString("sku"),
                    row.getString("name"),
                    new Money(
                        row.getBigDecimal("price_amount"),
                        Currency.getInstance(row.getString("price_currency").trim())),
                    row.getLong("version")))
        .list()
        .stream()
        .collect(Collectors.toMap(ProductCopy::productId, Function.identity()));
  }
}
