package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessTest {

  @TempDir Path logs;

  @Test
  void failsFastWithTheEndOfTheLogWhenTheProcessDiesDuringStartUp() throws Exception {
    OsProcess dying = process("dying", "tcp://127.0.0.1:1", "echo 'port already in use'; exit 3");
    dying.start();

    assertThatThrownBy(() -> Readiness.await(dying, Duration.ofMinutes(1)))
        .isInstanceOf(Readiness.ProcessDied.class)
        .hasMessageContaining("dying exited during start-up")
        .hasMessageContaining("| port already in use");
  }

  @Test
  void givesUpAfterTheTimeoutWhenTheProbeNeverAnswers() throws Exception {
    OsProcess silent = process("silent", "tcp://127.0.0.1:1", "exec sleep 30");
    silent.start();
    try {
      assertThatThrownBy(() -> Readiness.await(silent, Duration.ofMillis(500)))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("silent was not ready");
    } finally {
      silent.stop(Duration.ofSeconds(5));
    }
    assertThat(silent.alive()).isFalse();
  }

  private OsProcess process(String name, String probe, String script) {
    return new OsProcess(
        name,
        "infra",
        "-",
        probe,
        List.of("/bin/sh", "-c", script),
        Map.of(),
        logs.resolve(name + ".log"),
        Map::of);
  }
}
