package dev.mercado.simulators.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PortOptionsTest {

  private static final PortOptions OPTIONS = PortOptions.of("--port", "--admin-port");

  @Test
  void readsBothPortsInAnyOrder() {
    assertThat(OPTIONS.parse(new String[] {"--admin-port", "9091", "--port", "9090"}))
        .containsExactly(9090, 9091);
  }

  @Test
  void requiresTheSecondPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--port", "9090"}))
        .withMessage("--admin-port is required");
  }

  @Test
  void requiresTheFirstPortBeforeTheSecond() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--admin-port", "9091"}))
        .withMessage("--port is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[0]))
        .withMessage("--port is required");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--port", "70000", "--admin-port", "9091"}))
        .withMessage("--port must be within 1-65535, not 70000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--port", "9090", "--admin-port", "0"}))
        .withMessage("--admin-port must be within 1-65535, not 0");
  }

  @Test
  void rejectsAPortThatIsNotANumber() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--port", "9090", "--admin-port", "x"}))
        .withMessage("--admin-port must be a number, not 'x'");
  }

  @Test
  void rejectsTheSamePortTwice() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--port", "9090", "--admin-port", "9090"}))
        .withMessage("--port and --admin-port must differ");
  }

  @Test
  void rejectsAnUnknownArgument() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--verbose"}))
        .withMessage("unknown argument '--verbose'");
  }

  @Test
  void rejectsAMissingOrBlankValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--admin-port", "9091", "--port"}))
        .withMessage("--port needs a value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OPTIONS.parse(new String[] {"--admin-port", " ", "--port", "9090"}))
        .withMessage("--admin-port needs a value");
  }

  @Test
  void takesTheLastValueOfAnOptionGivenTwice() {
    assertThat(
            OPTIONS.parse(
                new String[] {"--port", "9090", "--admin-port", "9091", "--port", "9092"}))
        .containsExactly(9092, 9091);
  }

  @Test
  void showsEveryOptionInTheUsage() {
    assertThat(OPTIONS.usage()).isEqualTo("--port <1-65535> --admin-port <1-65535>");
  }

  @Test
  void refusesOptionsThatAreNotDistinctDoubleDashNames() {
    assertThatIllegalArgumentException().isThrownBy(PortOptions::of);
    assertThatIllegalArgumentException().isThrownBy(() -> PortOptions.of("--port", "--port"));
    assertThatIllegalArgumentException().isThrownBy(() -> PortOptions.of("-p"));
  }
}
