package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mercado.simulators.kit.ProblemException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultsTest {

  @Test
  void changesOnlyTheSwitchesGiven() {
    // given
    Faults current = new Faults(100, 50, 0.25, false);

    // when
    Faults next = current.with(json("{\"failureRate\":1, \"down\":true}"));

    // then
    assertThat(next).isEqualTo(new Faults(100, 50, 1.0, true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"latencyMs\":60001}                          | latencyMs",
        "{\"latencyMs\":-1}                             | latencyMs",
        "{\"latencyMs\":1.5}                            | latencyMs",
        "{\"latencyMs\":\"100\"}                        | latencyMs",
        "{\"latencyJitterMs\":60001}                    | latencyJitterMs",
        "{\"latencyMs\":50000,\"latencyJitterMs\":20000} | latencyJitterMs",
        "{\"failureRate\":1.01}                         | failureRate",
        "{\"failureRate\":-0.1}                         | failureRate",
        "{\"failureRate\":\"half\"}                     | failureRate",
        "{\"down\":\"yes\"}                             | down",
        "{\"slowness\":1}                               | slowness"
      })
  void rejectsAnInvalidChangeNamingTheField(String change, String field) {
    // when
    ProblemException rejected =
        catchThrowableOfType(ProblemException.class, () -> Faults.NONE.with(json(change)));

    // then
    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().extensions()).containsEntry("field", field);
    assertThat(rejected.problem().detail()).contains(field);
  }

  @Test
  void acceptsTheBounds() {
    assertThat(Faults.NONE.with(json("{\"latencyMs\":60000,\"failureRate\":0}")).latencyMs())
        .isEqualTo(60_000);
    assertThat(Faults.NONE.with(json("{\"failureRate\":1.0}")).failureRate()).isEqualTo(1.0);
  }

  @Test
  void delaysByTheLatencyPlusAtMostTheJitter() {
    // given
    Faults faults = new Faults(200, 100, 0.0, false);
    SplittableRandom random = new SplittableRandom(42);

    // when / then
    for (int i = 0; i < 1_000; i++) {
      assertThat(faults.nextDelay(random))
          .isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
    }
    assertThat(Faults.NONE.nextDelay(random)).isZero();
  }

  @Test
  void failsEveryCallAtRateOneAndNoneAtRateZero() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000; i++) {
      assertThat(new Faults(0, 0, 1.0, false).nextCallFails(random)).isTrue();
      assertThat(Faults.NONE.nextCallFails(random)).isFalse();
    }
  }

  @Test
  void failsRoughlyTheGivenShareOfCalls() {
    // given
    Faults faults = new Faults(0, 0, 0.3, false);
    SplittableRandom random = new SplittableRandom(1);

    // when
    int failures = 0;
    for (int i = 0; i < 10_000; i++) {
      failures += faults.nextCallFails(random) ? 1 : 0;
    }

    // then
    assertThat(failures).isBetween(2_700, 3_300);
  }
}
