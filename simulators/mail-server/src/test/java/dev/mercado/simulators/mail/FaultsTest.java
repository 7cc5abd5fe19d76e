package dev.mercado.simulators.mail;

import static dev.mercado.simulators.mail.Fixtures.json;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mercado.simulators.kit.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultsTest {

  @Test
  void switchesSmtpDownAndUpAgain() {
    // when
    Faults down = Faults.NONE.with(json("{\"down\":true}"));
    Faults up = down.with(json("{\"down\":false}"));

    // then
    assertThat(down.down()).isTrue();
    assertThat(up).isEqualTo(Faults.NONE);
  }

  @Test
  void keepsTheCurrentSwitchesWhenNoneIsGiven() {
    assertThat(new Faults(true, false).with(json("{}"))).isEqualTo(new Faults(true, false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"down\":\"yes\"}     | down",
        "{\"down\":1}           | down",
        "{\"down\":null}        | down",
        "{\"stall\":\"no\"}     | stall",
        "{\"latencyMs\":100}    | latencyMs",
        "{\"down\":true,\"x\":1} | x"
      })
  void rejectsAnInvalidChangeNamingTheField(String change, String field) {
    // when
    ProblemException rejected =
        catchThrowableOfType(ProblemException.class, () -> Faults.NONE.with(json(change)));

    // then
    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().type())
        .isEqualTo("urn:mercado:mail-server:problem:invalid-faults");
    assertThat(rejected.problem().extensions()).containsEntry("field", field);
    assertThat(rejected.problem().detail()).contains(field);
  }

  @Test
  void showsEverySwitch() {
    assertThat(new Faults(true, false).toJson())
        .containsExactly(entry("down", true), entry("stall", false));
  }

  @Test
  void switchesStallOnAndOffWithoutTouchingDown() {
    Faults stalled = Faults.NONE.with(json("{\"stall\":true}"));

    assertThat(stalled).isEqualTo(new Faults(false, true));
    assertThat(stalled.with(json("{\"stall\":false}"))).isEqualTo(Faults.NONE);
  }
}
