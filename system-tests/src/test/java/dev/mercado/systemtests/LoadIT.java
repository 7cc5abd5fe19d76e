package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mercado load} sends shoppers through the gateway of a running system (issue 15): visits
 * at a constant rate, orders among them, and every order it placed followed to a final state.
 */
@Order(6)
class LoadIT {

  private static final Pattern DONE =
      Pattern.compile("done: (\\d+) visits, answers \\{([^}]*)\\}, orders \\{([^}]*)\\}(.*)");

  @Test
  void shoppersBrowseAndOrderAndEveryOrderEnds() throws Exception {
    RunningSystem.get();

    RunningSystem.CommandResult load = RunningSystem.mercado("load", "--rate", "20", "--for", "5");

    assertThat(load.exitCode()).as(load.output()).isZero();
    Matcher done = DONE.matcher(load.output());
    assertThat(done.find()).as(load.output()).isTrue();
    assertThat(Integer.parseInt(done.group(1))).as("visits").isEqualTo(100);
    assertThat(done.group(2)).as("answers by status").contains("200=").doesNotContain("500=");
    assertThat(done.group(3))
        .as("orders by final state (one visit in five orders)")
        .containsPattern("CONFIRMED=\\d+");
    assertThat(done.group(4)).as("orders left in flight").isEmpty();
  }

  @Test
  void refusesAnUnboundedLoad() throws Exception {
    RunningSystem.get();

    RunningSystem.CommandResult load = RunningSystem.mercado("load", "--rate", "5000");

    assertThat(load.exitCode()).isEqualTo(2);
    assertThat(load.output()).contains("--rate takes a whole number from 1 to 200");
  }
}
