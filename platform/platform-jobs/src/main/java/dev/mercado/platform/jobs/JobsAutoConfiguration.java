package dev.mercado.platform.jobs;

import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives a service with a database its {@link Jobs}: the {@code shedlock} table, created if missing
 * (as the inbox and outbox create theirs), and lock times from the database's clock, so instances
 * whose clocks differ agree on when a lock expires.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@ConditionalOnBean(DataSource.class)
public class JobsAutoConfiguration {

  /** ShedLock's table for JdbcTemplateLockProvider, as its documentation gives it. */
  static final String CREATE_TABLE =
      """
      CREATE TABLE IF NOT EXISTS shedlock (
        name VARCHAR(64) NOT NULL PRIMARY KEY,
        lock_until TIMESTAMP NOT NULL,
        locked_at TIMESTAMP NOT NULL,
        locked_by VARCHAR(255) NOT NULL)
      """;

  @Bean
  @ConditionalOnMissingBean
  LockProvider lockProvider(DataSource dataSource) {
    SharedSchema.create(dataSource, List.of(CREATE_TABLE));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(jdbc)
            .usingDbTime()
            .build());
  }

  @Bean
  @ConditionalOnMissingBean
  Jobs jobs(LockProvider lockProvider) {
    return new Jobs(new DefaultLockingTaskExecutor(lockProvider));
  }
}
