package dev.mercado.catalog.persistence;

import dev.mercado.catalog.domain.Money;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductPage;
import dev.mercado.catalog.domain.ProductRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProductRepository implements ProductRepository {

  private static final String COLUMNS = "id, sku, name, description, price_amount, price_currency";

  private final JdbcClient jdbc;

  JdbcProductRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Product> findById(ProductId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = ?")
        .param(id.value())
        .query(JdbcProductRepository::product)
        .optional();
  }

  @Override
  public ProductPage findPage(int page, int size) {
    long total = jdbc.sql("SELECT count(*) FROM product").query(Long.class).single();
    List<Product> items =
        jdbc.sql("SELECT " + COLUMNS + " FROM product ORDER BY sku LIMIT ? OFFSET ?")
            .param(size)
            .param((long) page * size)
            .query(JdbcProductRepository::product)
            .list();
    return new ProductPage(items, page, size, total);
  }

  private static Product product(ResultSet row, int number) throws SQLException {
    return new Product(
        new ProductId(row.getObject("id", UUID.class)),
        row.getString("sku"),
        row.getString("name"),
        row.getString("description"),
        new Money(
            row.getBigDecimal("price_amount"),
            Currency.getInstance(row.getString("price_currency").trim())));
  }
}
