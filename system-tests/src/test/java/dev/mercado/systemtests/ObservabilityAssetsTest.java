package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservabilityAssetsTest {

  @TempDir Path dir;

  @Test
  void findsTheBucketSeriesInsideAnAggregatedRate() {
    // when
    Set<String> metrics =
        ObservabilityAssets.metricsIn(
            "sum by (le) (rate(http_server_requests_seconds_bucket{uri=\"/x\"}[5m]))");

    // then
    assertThat(metrics).containsExactly("http_server_requests_seconds_bucket");
  }

  @Test
  void ignoresFunctionsAggregationsAndLabelListsWrittenAfterTheAggregation() {
    // when
    Set<String> metrics =
        ObservabilityAssets.metricsIn(
            "histogram_quantile(0.95, sum(rate(http_server_requests_seconds_bucket{le=\"0.25\"}"
                + "[$__rate_interval])) by (le, uri))");

    // then
    assertThat(metrics).containsExactly("http_server_requests_seconds_bucket");
  }

  @Test
  void ignoresLabelNamesValuesDurationsNumbersAndKeywords() {
    // when
    Set<String> metrics =
        ObservabilityAssets.metricsIn(
            "sum without (instance) (increase(orders_total{job=\"orders\", status=~\"5..\"}[1h]"
                + " offset 1d)) * 60 > bool 1e3 unless on () absent(other_total{a='b c'}) # x_total"
                + "\n or vector(0)");

    // then
    assertThat(metrics).containsExactlyInAnyOrder("orders_total", "other_total");
  }

  @Test
  void findsBothSidesOfAMatchedBinaryOperation() {
    // when
    Set<String> metrics =
        ObservabilityAssets.metricsIn(
            "sum by (job) (rate(errors_total[5m])) / on (job) group_left (service)"
                + " max by (job, service) (up) and ignoring(instance) process_uptime_seconds");

    // then
    assertThat(metrics).containsExactlyInAnyOrder("errors_total", "up", "process_uptime_seconds");
  }

  @Test
  void ignoresGrafanaVariablesAndSubqueries() {
    // when
    Set<String> metrics =
        ObservabilityAssets.metricsIn(
            "max_over_time(rate(x_total{instance=~\"$instance\",job=\"${job}\"}[$__rate_interval])"
                + "[1h:5m]) / scalar(y_count{a=\"[[var]]\"})");

    // then
    assertThat(metrics).containsExactlyInAnyOrder("x_total", "y_count");
  }

  @Test
  void findsAMetricSelectedByItsNameLabel() {
    // when
    Set<String> metrics = ObservabilityAssets.metricsIn("count({__name__=\"jvm_info\"})");

    // then
    assertThat(metrics).containsExactly("jvm_info");
  }

  @Test
  void readsEveryPanelTargetOfEveryDashboardAndNothingElse() throws IOException {
    // given
    Files.writeString(
        dir.resolve("one.json"),
        """
        {
          "panels": [
            {"title": "rate_of_nothing", "targets": [
              {"expr": "sum by (o) (rate(a_total{s=\\"x\\",t=~\\".+\\\\\\\\..+\\"}[5m]))",
               "legendFormat": "{{outcome}} legend_total"}
            ]},
            {"targets": [{"expr":"max(b_seconds_max)\\n/ 2", "refId": "A"}]}
          ],
          "templating": {"list": [{"query": "label_values(c_seconds_count, instance)"}]}
        }
        """);
    Files.writeString(dir.resolve("two.json"), "{\"panels\":[{\"targets\":[{\"expr\":\"up\"}]}]}");
    Files.writeString(dir.resolve("notes.txt"), "\"expr\": \"d_total\"");

    // when
    Set<String> metrics = ObservabilityAssets.dashboardMetrics(dir);

    // then
    assertThat(metrics).containsExactly("a_total", "b_seconds_max", "up");
  }

  @Test
  void readsRuleExpressionsOfEveryYamlShapeButNotRecordedNamesOrAnnotations() throws IOException {
    // given
    Path rules = dir.resolve("rules.yml");
    Files.writeString(
        rules,
        """
        groups:
          - name: example
            rules:
              - record: job:a:rate5m
                expr: sum by (job) (rate(a_total[5m]))
              - alert: Folded
                expr: >-
                  job:a:rate5m > 0
                  and on (job)
                  b_seconds_max > 1
                for: 5m
                labels:
                  severity: warning
                annotations:
                  summary: "{{ $labels.job }} says c_total"
              - alert: Literal
                expr: |
                  sum(rate(d_count{q="e_total"}[5m]))

                    / sum(rate(f_count[5m]))
                annotations:
                  description: >-
                    g_total is only prose
              - alert: DoubleQuoted
                expr: "up{job=\\"x\\"} == 0" # h_total in a comment
              - alert: SingleQuoted
                expr: 'i_total{a=''b''} > 0'
              - expr: j_total
                  * 2
                record: job:j:doubled
        """);

    // when
    Set<String> metrics = ObservabilityAssets.ruleMetrics(rules);

    // then
    assertThat(metrics)
        .containsExactlyInAnyOrder(
            "a_total", "b_seconds_max", "d_count", "f_count", "up", "i_total", "j_total");
  }

  @Test
  void mapsTimerSeriesToTheNameTheyAreExportedUnder() {
    assertThat(ObservabilityAssets.baseName("http_server_requests_seconds_bucket"))
        .isEqualTo("http_server_requests_seconds");
    assertThat(ObservabilityAssets.baseName("mercado_saga_step_seconds_count"))
        .isEqualTo("mercado_saga_step_seconds");
    assertThat(ObservabilityAssets.baseName("mercado_saga_step_seconds_sum"))
        .isEqualTo("mercado_saga_step_seconds");
    assertThat(ObservabilityAssets.baseName("jvm_gc_pause_seconds_max"))
        .isEqualTo("jvm_gc_pause_seconds");
    assertThat(ObservabilityAssets.baseName("mercado_orders_placed_orders_total"))
        .isEqualTo("mercado_orders_placed_orders_total");
    assertThat(ObservabilityAssets.baseName("mercado_outbox_oldest_age_seconds"))
        .isEqualTo("mercado_outbox_oldest_age_seconds");
  }

  @Test
  void theDashboardsQueryTheBusinessTechnicalAndSloMetrics() {
    // when
    Set<String> metrics =
        ObservabilityAssets.dashboardMetrics(observability().resolve("dashboards"));

    // then
    assertThat(metrics)
        .contains(
            "mercado_orders_placed_orders_total",
            "mercado_orders_finished_orders_total",
            "mercado_orders_revenue_total",
            "mercado_payments_authorizations_total",
            "mercado_catalog_stock_reservations_total",
            "mercado_notifications_deliveries_total",
            "mercado_saga_step_seconds_sum",
            "mercado_outbox_oldest_age_seconds",
            "kafka_consumer_fetch_manager_records_lag_max",
            "spring_cloud_gateway_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "jvm_memory_used_bytes",
            "up")
        .as("dashboards work without the recording rules")
        .noneMatch(name -> name.contains(":"))
        .as("dashboards query no metric a later issue will export")
        .doesNotContain(
            "mercado_deadletters_parked_total",
            "resilience4j_circuitbreaker_state",
            "mercado_ratelimit_decisions_total",
            "mercado_payments_declines_total");
  }

  @Test
  void everyDashboardQueriesThroughTheDatasourceVariable() throws IOException {
    try (Stream<Path> dashboards = Files.list(observability().resolve("dashboards"))) {
      assertThat(dashboards.map(ObservabilityAssetsTest::read))
          .hasSize(6)
          .allSatisfy(
              json ->
                  assertThat(json)
                      .contains("\"schemaVersion\": 39", "\"uid\": \"${DS_PROMETHEUS}\"")
                      .doesNotContainPattern(
                          "\"uid\": \"(?!\\$\\{DS_PROMETHEUS}\"|-- Grafana --\"|mercado-)"));
    }
  }

  @Test
  void theRulesQueryTheExportedMetrics() {
    // when
    Set<String> current =
        ObservabilityAssets.ruleMetrics(observability().resolve("rules/mercado.yml"));

    // then
    assertThat(current)
        .contains(
            "spring_cloud_gateway_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "http_server_requests_seconds_count",
            "mercado_outbox_oldest_age_seconds",
            "mercado_outbox_publish_failures_events_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            "mercado_orders_finished_orders_total",
            "mercado_deadletters_parked_total",
            "mercado_ratelimit_decisions_total",
            "resilience4j_circuitbreaker_state",
            "up")
        .noneMatch(name -> name.startsWith("mercado:"));
  }

  /** deploy/observability, found from the module directory Surefire runs in or from the root. */
  private static Path observability() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("deploy/observability");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("deploy/observability not found above the working directory");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
