package dev.mercado.simulators.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mercado.simulators.payment.PaymentProvider.Options;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void readsBothPortsInAnyOrder() {
    assertThat(Options.parse(new String[] {"--admin-port", "9091", "--port", "9090"}))
        .isEqualTo(new Options(9090, 9091));
  }

  @Test
  void requiresTheAdminPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--port", "9090"}))
        .withMessage("--admin-port is required");
  }

  @Test
  void requiresThePort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--admin-port", "9091"}))
        .withMessage("--port is required");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--port", "70000", "--admin-port", "9091"}))
        .withMessage("--port must be within 1-65535, not 70000");
  }

  @Test
  void rejectsAPortThatIsNotANumber() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--port", "9090", "--admin-port", "x"}))
        .withMessage("--admin-port must be a number, not 'x'");
  }

  @Test
  void rejectsTheSamePortTwice() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--port", "9090", "--admin-port", "9090"}))
        .withMessage("--port and --admin-port must differ");
  }

  @Test
  void rejectsAnUnknownArgument() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--verbose"}))
        .withMessage("unknown argument '--verbose'");
  }

  @Test
  void rejectsAMissingValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--admin-port", "9091", "--port"}))
        .withMessage("--port needs a value");
  }
}
