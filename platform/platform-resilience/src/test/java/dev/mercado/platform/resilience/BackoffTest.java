package dev.mercado.platform.resilience;

import static dev.mercado.platform.resilience.Backoff.Strategy.CONSTANT;
import static dev.mercado.platform.resilience.Backoff.Strategy.DECORRELATED_JITTER;
import static dev.mercado.platform.resilience.Backoff.Strategy.EXPONENTIAL;
import static dev.mercado.platform.resilience.Backoff.Strategy.EXPONENTIAL_EQUAL_JITTER;
import static dev.mercado.platform.resilience.Backoff.Strategy.EXPONENTIAL_FULL_JITTER;
import static dev.mercado.platform.resilience.Backoff.Strategy.LINEAR;
import static dev.mercado.platform.resilience.Backoff.Strategy.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** R8: the strategies of "Exponential Backoff And Jitter", their bounds and distributions. */
class BackoffTest {

  private static final Duration BASE = Duration.ofMillis(10);
  private static final Duration CAP = Duration.ofMillis(1_000);
  private static final int SAMPLES = 4_000;

  @Test
  void noneRetriesAtOnceAndConstantAlwaysWaitsTheBase() {
    assertThat(pauses(NONE, 5)).containsOnly(0L);
    assertThat(pauses(CONSTANT, 5)).containsOnly(10L);
  }

  @Test
  void linearGrowsByTheBaseUpToTheCap() {
    assertThat(millis(Backoff.of(LINEAR, BASE, Duration.ofMillis(35)), 6))
        .containsExactly(10L, 20L, 30L, 35L, 35L, 35L);
  }

  @Test
  void exponentialDoublesFromTwiceTheBaseUpToTheCapAsInBrookersSimulator() {
    assertThat(pauses(EXPONENTIAL, 9))
        .containsExactly(20L, 40L, 80L, 160L, 320L, 640L, 1_000L, 1_000L, 1_000L);
  }

  @Test
  void exponentialHoldsTheCapForAnyRetryNumberWithoutOverflow() {
    Backoff backoff = Backoff.of(EXPONENTIAL, Duration.ofNanos(1), Backoff.MAX_CAP);

    assertThat(backoff.pause(46, BASE, new SplittableRandom(1)))
        .isEqualTo(Duration.ofNanos(1L << 46));
    for (int retry : new int[] {47, 61, 62, 63, 64, 1_000, Integer.MAX_VALUE}) {
      assertThat(backoff.pause(retry, BASE, new SplittableRandom(1))).isEqualTo(Backoff.MAX_CAP);
    }
    assertThat(
            Backoff.of(LINEAR, Duration.ofHours(1), Backoff.MAX_CAP)
                .pause(Integer.MAX_VALUE, BASE, new SplittableRandom(1)))
        .isEqualTo(Backoff.MAX_CAP);
  }

  @Test
  void fullJitterIsUniformFromZeroToTheExponentialCeiling() {
    Backoff backoff = Backoff.of(EXPONENTIAL_FULL_JITTER, BASE, CAP);
    RandomGenerator random = new SplittableRandom(7);

    for (int retry = 1; retry <= 10; retry++) {
      long ceiling = ceiling(retry);
      List<Long> sample = sample(backoff, retry, random);

      assertThat(sample).allSatisfy(nanos -> assertThat(nanos).isBetween(0L, ceiling));
      assertThat(mean(sample)).isCloseTo(ceiling / 2.0, within(ceiling * 0.03));
      assertThat(min(sample)).isLessThan(ceiling / 50);
      assertThat(max(sample)).isGreaterThan(ceiling - ceiling / 50);
    }
  }

  @Test
  void equalJitterKeepsHalfTheCeilingAndSpreadsTheOtherHalf() {
    Backoff backoff = Backoff.of(EXPONENTIAL_EQUAL_JITTER, BASE, CAP);
    RandomGenerator random = new SplittableRandom(11);

    for (int retry = 1; retry <= 10; retry++) {
      long ceiling = ceiling(retry);
      List<Long> sample = sample(backoff, retry, random);

      assertThat(sample)
          .allSatisfy(nanos -> assertThat(nanos).isBetween(ceiling - ceiling / 2, ceiling));
      assertThat(mean(sample)).isCloseTo(ceiling * 0.75, within(ceiling * 0.02));
      assertThat(min(sample)).isLessThan(ceiling / 2 + ceiling / 100);
    }
  }

  @Test
  void decorrelatedJitterStaysBetweenTheBaseAndThreeTimesThePreviousPauseUpToTheCap() {
    Backoff backoff = Backoff.of(DECORRELATED_JITTER, BASE, CAP);
    RandomGenerator random = new SplittableRandom(13);
    long base = BASE.toNanos();
    long cap = CAP.toNanos();
    int reachedCap = 0;

    for (int call = 0; call < 500; call++) {
      Backoff.Sequence sequence = backoff.sequence(random);
      long previous = base;
      for (int retry = 1; retry <= 20; retry++) {
        long pause = sequence.next().toNanos();
        assertThat(pause).isBetween(base, Math.min(cap, 3 * previous));
        reachedCap += pause == cap ? 1 : 0;
        previous = pause;
      }
      assertThat(sequence.retries()).isEqualTo(20);
    }
    assertThat(reachedCap).isPositive();
  }

  @Test
  void decorrelatedJittersFirstPauseIsUniformOverBaseToThreeBases() {
    Backoff backoff = Backoff.of(DECORRELATED_JITTER, BASE, CAP);
    RandomGenerator random = new SplittableRandom(17);
    List<Long> first = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      first.add(backoff.sequence(random).next().toNanos());
    }

    assertThat(first).allSatisfy(nanos -> assertThat(nanos).isBetween(10_000_000L, 30_000_000L));
    assertThat(mean(first)).isCloseTo(20_000_000.0, within(20_000_000.0 * 0.02));
  }

  @Test
  void everyStrategyStaysWithinZeroAndTheCap() {
    RandomGenerator random = new SplittableRandom(19);
    for (Backoff.Strategy strategy : Backoff.Strategy.values()) {
      Backoff.Sequence sequence = Backoff.of(strategy, BASE, CAP).sequence(random);
      for (int retry = 1; retry <= 200; retry++) {
        assertThat(sequence.next()).isBetween(Duration.ZERO, CAP);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePauses() {
    Backoff backoff = Backoff.of(DECORRELATED_JITTER, BASE, CAP);
    Backoff.Sequence one = backoff.sequence(new SplittableRandom(42));
    Backoff.Sequence other = backoff.sequence(new SplittableRandom(42));

    for (int retry = 1; retry <= 30; retry++) {
      assertThat(one.next()).isEqualTo(other.next());
    }
  }

  @Test
  void rejectsANonPositiveBaseACapBelowTheBaseOrAboveADayAndRetryZero() {
    assertThatThrownBy(() -> Backoff.of(LINEAR, Duration.ZERO, CAP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base");
    assertThatThrownBy(() -> Backoff.of(LINEAR, CAP, BASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cap");
    assertThatThrownBy(() -> Backoff.of(LINEAR, BASE, Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.of(LINEAR, BASE, CAP).pause(0, BASE, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void drivesAResilience4jRetryWithItsPauses() {
    Backoff backoff = Backoff.of(EXPONENTIAL, Duration.ofMillis(1), Duration.ofMillis(4));
    List<Long> intervals = new ArrayList<>();
    IntervalBiFunction<Object> adapter = backoff.toIntervalBiFunction();
    Retry retry =
        Retry.of(
            "exponential",
            RetryConfig.custom()
                .maxAttempts(5)
                .intervalBiFunction(
                    (attempt, outcome) -> {
                      Long interval = adapter.apply(attempt, outcome);
                      intervals.add(interval);
                      return interval;
                    })
                .build());
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.executeRunnable(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalStateException("down");
                    }))
        .hasMessage("down");

    assertThat(attempts).hasValue(5);
    assertThat(intervals).containsExactly(2L, 4L, 4L, 4L);
  }

  @Test
  void aSynchronousRetryOnTheBareAdapterFollowsEachCallsOwnDecorrelatedSequence() {
    Backoff backoff = Backoff.of(DECORRELATED_JITTER, Duration.ofMillis(1), Duration.ofMillis(50));
    IntervalBiFunction<Object> adapter = backoff.toIntervalBiFunction(new SplittableRandom(3));
    List<Long> intervals = new ArrayList<>();
    Retry retry =
        Retry.of(
            "decorrelated",
            RetryConfig.custom()
                .maxAttempts(4)
                .intervalBiFunction(
                    (attempt, outcome) -> {
                      Long interval = adapter.apply(attempt, outcome);
                      intervals.add(interval);
                      return interval;
                    })
                .build());
    RandomGenerator replay = new SplittableRandom(3);

    for (int call = 0; call < 3; call++) {
      intervals.clear();
      assertThatThrownBy(
              () ->
                  retry.executeRunnable(
                      () -> {
                        throw new IllegalStateException("down");
                      }))
          .hasMessage("down");

      Backoff.Sequence expected = backoff.sequence(replay);
      assertThat(intervals)
          .containsExactly(
              expected.next().toMillis(), expected.next().toMillis(), expected.next().toMillis());
    }
  }

  private static List<Long> pauses(Backoff.Strategy strategy, int retries) {
    return millis(Backoff.of(strategy, BASE, CAP), retries);
  }

  private static List<Long> millis(Backoff backoff, int retries) {
    Backoff.Sequence sequence = backoff.sequence(new SplittableRandom(1));
    return IntStream.range(0, retries).mapToObj(i -> sequence.next().toMillis()).toList();
  }

  private static long ceiling(int retry) {
    return Math.min(CAP.toNanos(), BASE.toNanos() * (1L << retry));
  }

  private static List<Long> sample(Backoff backoff, int retry, RandomGenerator random) {
    List<Long> sample = new ArrayList<>(SAMPLES);
    for (int i = 0; i < SAMPLES; i++) {
      sample.add(backoff.pause(retry, BASE, random).toNanos());
    }
    return sample;
  }

  private static double mean(List<Long> sample) {
    return sample.stream().mapToLong(Long::longValue).average().orElseThrow();
  }

  private static long min(List<Long> sample) {
    return sample.stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  private static long max(List<Long> sample) {
    return sample.stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
