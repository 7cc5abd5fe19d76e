package dev.mercado.simulators.proxy;

import static dev.mercado.simulators.proxy.Fixtures.changes;
import static dev.mercado.simulators.proxy.Fixtures.latency;
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
  void changesOnlyTheFaultsGiven() {
    // given
    Faults current = new Faults(100, 50, 64, false, false);

    // when
    Faults next = current.with(changes("{\"jitterMs\":0, \"blackhole\":true}"));

    // then
    assertThat(next).isEqualTo(new Faults(100, 0, 64, false, true));
  }

  @Test
  void lastsSixtySecondsUnlessTheChangeSaysOtherwise() {
    assertThat(Faults.duration(changes("{\"latencyMs\":5}"))).isEqualTo(Duration.ofSeconds(60));
    assertThat(Faults.duration(changes("{\"durationSeconds\":1}")))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(Faults.duration(changes("{\"durationSeconds\":600}")))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"latencyMs\":30001}         | latencyMs",
        "{\"latencyMs\":-1}            | latencyMs",
        "{\"latencyMs\":1.5}           | latencyMs",
        "{\"latencyMs\":\"100\"}       | latencyMs",
        "{\"jitterMs\":30001}          | jitterMs",
        "{\"jitterMs\":-5}             | jitterMs",
        "{\"bandwidthKbps\":1000001}   | bandwidthKbps",
        "{\"bandwidthKbps\":-1}        | bandwidthKbps",
        "{\"bandwidthKbps\":1e12}      | bandwidthKbps",
        "{\"reset\":\"yes\"}           | reset",
        "{\"blackhole\":1}             | blackhole",
        "{\"durationSeconds\":0}       | durationSeconds",
        "{\"durationSeconds\":601}     | durationSeconds",
        "{\"durationSeconds\":null}    | durationSeconds",
        "{\"slowness\":1}              | slowness"
      })
  void rejectsAnInvalidChangeNamingTheField(String change, String field) {
    // when
    ProblemException rejected =
        catchThrowableOfType(
            ProblemException.class,
            () -> {
              var parsed = changes(change);
              Faults.NONE.with(parsed);
              Faults.duration(parsed);
            });

    // then
    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().type())
        .isEqualTo("urn:mercado:fault-proxy:problem:invalid-faults");
    assertThat(rejected.problem().extensions()).containsEntry("field", field);
    assertThat(rejected.problem().detail()).contains(field);
  }

  @Test
  void acceptsTheBounds() {
    Faults most =
        Faults.NONE.with(
            changes("{\"latencyMs\":30000,\"jitterMs\":30000,\"bandwidthKbps\":1000000}"));

    assertThat(most).isEqualTo(new Faults(30_000, 30_000, 1_000_000, false, false));
    assertThat(Faults.NONE.with(changes("{\"bandwidthKbps\":1}")).bytesPerSecond()).isEqualTo(125);
  }

  @Test
  void holdsEachChunkBackByTheLatencyPlusAtMostTheJitter() {
    // given
    Faults faults = latency(200, 100);
    SplittableRandom random = new SplittableRandom(42);

    // when / then
    for (int i = 0; i < 1_000; i++) {
      assertThat(faults.nextDelay(random))
          .isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
    }
    assertThat(Faults.NONE.nextDelay(random)).isZero();
  }

  @Test
  void countsKilobitsAsAThousandBits() {
    assertThat(new Faults(0, 0, 8, false, false).bytesPerSecond()).isEqualTo(1_000);
    assertThat(new Faults(0, 0, 1_000_000, false, false).bytesPerSecond()).isEqualTo(125_000_000);
  }

  @Test
  void tellsWhetherAnyFaultIsOn() {
    assertThat(Faults.NONE.any()).isFalse();
    assertThat(latency(0, 1).any()).isTrue();
    assertThat(new Faults(0, 0, 0, true, false).any()).isTrue();
    assertThat(new Faults(0, 0, 0, false, true).any()).isTrue();
  }
}
