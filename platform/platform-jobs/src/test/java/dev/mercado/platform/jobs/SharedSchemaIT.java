package dev.mercado.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.launcher.PostgresAdmin.ServiceDatabase;
import dev.mercado.testkit.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * P3: the instances of a scaled service start together and each creates the platform's tables; all
 * of them start, whichever comes first, and every table and index exists once.
 */
class SharedSchemaIT {

  private static final int INSTANCES = 6;

  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS shared_schema_it (id bigserial PRIMARY KEY, name text)",
          "ALTER TABLE shared_schema_it ADD COLUMN IF NOT EXISTS added text",
          "CREATE INDEX IF NOT EXISTS shared_schema_it_name ON shared_schema_it (name)");

  @Test
  void instancesStartingTogetherAllCreateTheirTables() throws Exception {
    ServiceDatabase database = Infrastructure.database("shared_schema_it");
    ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
    try {
      for (int round = 0; round < 5; round++) {
        DriverManagerDataSource dataSource =
            new DriverManagerDataSource(
                database.jdbcUrl(), database.username(), database.password());
        new JdbcTemplate(dataSource).execute("DROP TABLE IF EXISTS shared_schema_it");
        CountDownLatch together = new CountDownLatch(INSTANCES);
        List<Future<?>> starts = new ArrayList<>();
        for (int instance = 0; instance < INSTANCES; instance++) {
          starts.add(
              threads.submit(
                  () -> {
                    together.countDown();
                    together.await();
                    SharedSchema.create(dataSource, SCHEMA);
                    return null;
                  }));
        }
        for (Future<?> start : starts) {
          start.get(30, TimeUnit.SECONDS);
        }

        assertThat(
                new JdbcTemplate(dataSource)
                    .queryForObject(
                        "SELECT count(*) FROM pg_indexes WHERE tablename = 'shared_schema_it'",
                        Integer.class))
            .as("the primary key's index and the declared one")
            .isEqualTo(2);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
