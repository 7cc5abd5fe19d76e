package dev.mercado.platform.observability.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BooleanSupplier;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts every SQL statement a service runs ({@code mercado.jdbc.statements}, one per execution, a
 * batch counting once), tagged {@code work=observed} inside a request, a listener or an outbox
 * publication and {@code work=housekeeping} outside any (the relays' polls, clean-ups). The SQL
 * observations behind {@code jdbc.query} spans and {@code jdbc_query_seconds} run only inside a
 * sampled trace ({@link HousekeepingFilter}), so they are a sample; this count is the whole, and
 * costs one increment per statement (O2, M1).
 */
public final class SqlStatements implements QueryExecutionListener {

  /** The counter's name, {@code mercado_jdbc_statements_total} in Prometheus' format. */
  public static final String METER = "mercado.jdbc.statements";

  private final BooleanSupplier inObservedWork;
  private final Counter observed;
  private final Counter housekeeping;

  /**
   * @param inObservedWork whether the calling thread is inside observed work (it has a current
   *     span, sampled or not)
   */
  public SqlStatements(MeterRegistry registry, BooleanSupplier inObservedWork) {
    this.inObservedWork = inObservedWork;
    this.observed = counter(registry, "observed");
    this.housekeeping = counter(registry, "housekeeping");
  }

  private static Counter counter(MeterRegistry registry, String work) {
    return Counter.builder(METER)
        .description("SQL statements executed (a batch counts once)")
        .tag("work", work)
        .register(registry);
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    // counted once it has run
  }

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    (inObservedWork.getAsBoolean() ? observed : housekeeping).increment();
  }
}
