package dev.mercado.simulators.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mercado.simulators.mail.MailServer.Options;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void readsBothPortsInAnyOrder() {
    assertThat(Options.parse(new String[] {"--api-port", "9026", "--smtp-port", "9025"}))
        .isEqualTo(new Options(9025, 9026));
  }

  @Test
  void requiresTheApiPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--smtp-port", "9025"}))
        .withMessage("--api-port is required");
  }

  @Test
  void requiresTheSmtpPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--api-port", "9026"}))
        .withMessage("--smtp-port is required");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> Options.parse(new String[] {"--smtp-port", "70000", "--api-port", "9026"}))
        .withMessage("--smtp-port must be within 1-65535, not 70000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--smtp-port", "9025", "--api-port", "0"}))
        .withMessage("--api-port must be within 1-65535, not 0");
  }

  @Test
  void rejectsAPortThatIsNotANumber() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--smtp-port", "9025", "--api-port", "x"}))
        .withMessage("--api-port must be a number, not 'x'");
  }

  @Test
  void rejectsTheSamePortTwice() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--smtp-port", "9025", "--api-port", "9025"}))
        .withMessage("--smtp-port and --api-port must differ");
  }

  @Test
  void rejectsAnUnknownArgument() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--port", "9025"}))
        .withMessage("unknown argument '--port'");
  }

  @Test
  void rejectsAMissingValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--api-port", "9026", "--smtp-port"}))
        .withMessage("--smtp-port needs a value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse(new String[] {"--api-port", " ", "--smtp-port", "9025"}))
        .withMessage("--api-port needs a value");
  }
}
