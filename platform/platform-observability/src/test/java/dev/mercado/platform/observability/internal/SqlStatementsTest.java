package dev.mercado.platform.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.Test;

/** Every SQL statement is counted, observed work apart from housekeeping (O2, M1). */
class SqlStatementsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicBoolean inObservedWork = new AtomicBoolean();
  private final SqlStatements statements = new SqlStatements(registry, inObservedWork::get);

  @Test
  void countsEachExecutionOnceItHasRunUnderTheWorkItRanIn() {
    List<QueryInfo> batch = List.of(new QueryInfo("insert 1"), new QueryInfo("insert 2"));
    inObservedWork.set(true);
    statements.beforeQuery(new ExecutionInfo(), batch);
    assertThat(count("observed")).as("not counted before it runs").isZero();
    statements.afterQuery(new ExecutionInfo(), batch);
    statements.afterQuery(new ExecutionInfo(), List.of(new QueryInfo("select 1")));
    inObservedWork.set(false);
    statements.afterQuery(new ExecutionInfo(), List.of(new QueryInfo("select 1")));

    assertThat(count("observed")).as("a batch counts once").isEqualTo(2);
    assertThat(count("housekeeping")).isEqualTo(1);
  }

  private double count(String work) {
    return registry.get(SqlStatements.METER).tag("work", work).counter().count();
  }
}
