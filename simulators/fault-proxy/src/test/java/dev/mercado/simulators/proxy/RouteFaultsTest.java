package dev.mercado.simulators.proxy;

import static dev.mercado.simulators.proxy.Fixtures.latency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.simulators.proxy.Fixtures.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouteFaultsTest {

  private final ManualClock clock = new ManualClock();
  private final RouteFaults faults = new RouteFaults(clock);

  @Test
  void startsWithoutFaults() {
    assertThat(faults.current()).isEqualTo(ActiveFaults.NONE);
    assertThat(faults.current().toJson())
        .containsEntry("active", false)
        .containsEntry("expiresAt", null)
        .containsEntry("durationSeconds", null);
  }

  @Test
  void clearsTheFaultsOnceTheirDurationHasPassed() {
    // given
    Instant start = clock.instant();
    faults.set(latency(100, 0), Duration.ofSeconds(2));

    // when / then
    clock.advance(Duration.ofMillis(1_999));
    assertThat(faults.faults()).isEqualTo(latency(100, 0));
    assertThat(faults.current().expiresAt()).isEqualTo(start.plusSeconds(2));
    assertThat(faults.current().toJson())
        .containsEntry("active", true)
        .containsEntry("durationSeconds", 2L)
        .containsEntry("expiresAt", "2026-03-01T10:00:02Z");
    clock.advance(Duration.ofMillis(1));
    assertThat(faults.current()).isEqualTo(ActiveFaults.NONE);
    assertThat(faults.lastSet()).isEqualTo(latency(100, 0));
  }

  @Test
  void expiresOnlyTheFaultsOfTheVersionGiven() {
    // given
    long first = faults.set(latency(100, 0), Duration.ofSeconds(1));
    long second = faults.set(latency(200, 0), Duration.ofSeconds(10));

    // when
    Faults stale = faults.expire(first);

    // then
    assertThat(stale).isNull();
    assertThat(faults.faults()).isEqualTo(latency(200, 0));
    assertThat(faults.expire(second)).isEqualTo(latency(200, 0));
    assertThat(faults.current()).isEqualTo(ActiveFaults.NONE);
    assertThat(faults.lastSet()).isEqualTo(Faults.NONE);
  }

  @Test
  void keepsNoBoundWhenNoFaultIsOn() {
    faults.set(Faults.NONE, Duration.ofSeconds(30));

    assertThat(faults.current()).isEqualTo(ActiveFaults.NONE);
  }

  @Test
  void wakesAWaitingThreadWhenTheFaultsChange() throws InterruptedException {
    // given
    long seen = faults.version();
    Thread changer = new Thread(faults::clear, "route-faults-test-changer");

    // when
    long started = System.nanoTime();
    changer.start();
    faults.awaitChange(seen, TimeUnit.SECONDS.toNanos(30));
    changer.join();

    // then
    assertThat(faults.version()).isNotEqualTo(seen);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void returnsAtOnceWhenTheVersionHasChangedAlready() throws InterruptedException {
    long seen = faults.version();
    faults.clear();

    long started = System.nanoTime();
    faults.awaitChange(seen, TimeUnit.SECONDS.toNanos(30));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }
}
