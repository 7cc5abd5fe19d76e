package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.systemtests.RunningSystem.CommandResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Last: {@code ./mercado down} stops every process the launcher started, and the launcher. */
@Order(Integer.MAX_VALUE)
class ShutdownIT {

  @Test
  void downLeavesNoProcessBehind() throws Exception {
    RunningSystem system = RunningSystem.get();
    system.readState();
    Map<String, Long> pids = Map.copyOf(system.pids);

    CommandResult down = RunningSystem.mercado("down");

    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(system.launcher.isAlive()).isFalse();
    await("every process gone")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                pids.forEach(
                    (name, pid) ->
                        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                            .as(name + " (pid " + pid + ")")
                            .isFalse()));
  }
}
