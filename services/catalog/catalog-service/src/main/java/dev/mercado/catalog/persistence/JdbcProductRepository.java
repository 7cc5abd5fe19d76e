package dev.mercado.catalog.persistence;

import dev.mercado.catalog.domain.Money;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductPage;
import dev.mercado.catalog.domain.ProductRepository;
import dev.mercado.catalog.domain.Stock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProductRepository implements ProductRepository {

  private static final String COLUMNS =
      "id, sku, name, description, price_amount, price_currency, on_hand, reserved, version";
  private static final String SEARCH =
      " WHERE name ILIKE :pattern ESCAPE '\\' OR sku ILIKE :pattern ESCAPE '\\'";

  private final JdbcClient jdbc;

  JdbcProductRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Product> findById(ProductId id) {
    return one(id, "");
  }

  @Override
  public ProductPage findPage(int page, int size, String search) {
    String where = search.isBlank() ? "" : SEARCH;
    String pattern = "%" + escapeLike(search) + "%";
    long total =
        jdbc.sql("SELECT count(*) FROM product" + where)
            .param("pattern", pattern)
            .query(Long.class)
            .single();
    List<Product> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM product"
                    + where
                    + " ORDER BY sku LIMIT :limit OFFSET :offset")
            .param("pattern", pattern)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(JdbcProductRepository::product)
            .list();
    return new ProductPage(items, page, size, total);
  }

  @Override
  public Optional<Product> lock(ProductId id) {
    return one(id, " FOR UPDATE");
  }

  private Optional<Product> one(ProductId id, String locking) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = ?" + locking)
        .param(id.value())
        .query(JdbcProductRepository::product)
        .optional();
  }

  @Override
  public List<Product> lockAll(Collection<ProductId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    // ORDER BY before FOR UPDATE: PostgreSQL locks the rows in the order it returns them
    return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id IN (:ids) ORDER BY id FOR UPDATE")
        .param("ids", ids.stream().map(ProductId::value).distinct().toList())
        .query(JdbcProductRepository::product)
        .list();
  }

  @Override
  public boolean insert(Product product) {
    return jdbc.sql(
                """
                INSERT INTO product (id, sku, name, description, price_amount, price_currency,
                                     on_hand, reserved, version, announced_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (sku) DO NOTHING""")
            .params(
                product.id().value(),
                product.sku(),
                product.name(),
                product.description(),
                product.price().amount(),
                product.price().currency().getCurrencyCode(),
                product.stock().onHand(),
                product.stock().reserved(),
                product.version())
            .update()
        == 1;
  }

  @Override
  public void update(Product product) {
    int updated =
        jdbc.sql(
                """
                UPDATE product SET name = ?, description = ?, price_amount = ?,
                                   price_currency = ?, on_hand = ?, reserved = ?, version = ?
                WHERE id = ?""")
            .params(
                product.name(),
                product.description(),
                product.price().amount(),
                product.price().currency().getCurrencyCode(),
                product.stock().onHand(),
                product.stock().reserved(),
                product.version(),
                product.id().value())
            .update();
    if (updated != 1) {
      throw new IllegalStateException("no product " + product.id() + " to update");
    }
  }

  @Override
  public List<Product> lockUnannounced(int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM product WHERE announced_version < version"
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
        .param(limit)
        .query(JdbcProductRepository::product)
        .list();
  }

  @Override
  public void markAnnounced(Product product) {
    jdbc.sql("UPDATE product SET announced_version = ? WHERE id = ?")
        .params(product.version(), product.id().value())
        .update();
  }

  /** Makes {@code %}, {@code _} and the escape character itself match literally. */
  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Product product(ResultSet row, int number) throws SQLException {
    return new Product(
        new ProductId(row.getObject("id", UUID.class)),
        row.getString("sku"),
        row.getString("name"),
        row.getString("description"),
        new Money(
            row.getBigDecimal("price_amount"),
            Currency.getInstance(row.getString("price_currency").trim())),
        new Stock(row.getInt("on_hand"), row.getInt("reserved")),
        row.getLong("version"));
  }
}
