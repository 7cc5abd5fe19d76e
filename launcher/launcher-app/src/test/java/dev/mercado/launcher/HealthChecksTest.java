package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthChecksTest {

  @Test
  void summarisesEveryCheckWithItsStatusAndDuration() {
    String readiness =
        "{\"status\":\"DOWN\",\"components\":{"
            + "\"db\":{\"status\":\"DOWN\",\"details\":{\"error\":\"refused\",\"mode\":\"active\","
            + "\"checkedAt\":\"2026-11-26T10:00:00Z\",\"durationMs\":2001}},"
            + "\"readinessState\":{\"status\":\"UP\"}}}";

    assertThat(HealthChecks.summary(readiness)).isEqualTo("db DOWN 2001ms, readinessState UP");
  }

  @Test
  void readsDetailsWrittenBeforeTheStatusAsActuatorDoes() {
    String readiness =
        "{\"components\":{\"db\":{\"details\":{\"database\":\"PostgreSQL\",\"mode\":\"active\","
            + "\"durationMs\":3},\"status\":\"UP\"},\"readinessState\":{\"details\":"
            + "{\"durationMs\":0},\"status\":\"UP\"}},\"status\":\"UP\"}";

    assertThat(HealthChecks.summary(readiness)).isEqualTo("db UP 3ms, readinessState UP 0ms");
  }

  @Test
  void saysDashWhenTheDocumentHasNoChecks() {
    assertThat(HealthChecks.summary("{\"status\":\"UP\"}")).isEqualTo("-");
  }
}
