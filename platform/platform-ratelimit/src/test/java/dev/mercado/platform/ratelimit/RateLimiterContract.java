package dev.mercado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every backend must do, run against each: every algorithm decides exactly as its textbook
 * definition ({@link Oracle}) on randomized traffic and keeps its defining guarantee; retry-after
 * and reset are exact; a policy is all-or-nothing; many threads on one key never over-admit. Time
 * is a {@link FakeTime}, so every run is deterministic (seeds are fixed and reported on failure).
 */
public abstract class RateLimiterContract {

  protected final FakeTime time = new FakeTime();
  protected RateLimiter limiter;

  /** A fresh limiter on {@code time}, isolated from every other test's keys. */
  protected abstract RateLimiter newLimiter(TimeSource time);

  /** Requests per randomized run: a Redis round trip costs more than a decision in memory. */
  protected int randomRequests() {
    return 3000;
  }

  /** Attempts per thread in the concurrency test. */
  protected int attemptsPerThread() {
    return 2000;
  }

  private static final long[] SEEDS = {7, 1_234, 98_765};
  private static final Duration SECOND = Duration.ofSeconds(1);

  @BeforeEach
  void createLimiter() {
    limiter = newLimiter(time);
  }

  @AfterEach
  void closeLimiter() {
    if (limiter != null) {
      limiter.close();
    }
  }

  protected static String key() {
    return "k-" + UUID.randomUUID();
  }

  private static Policy single(Limit limit) {
    return Policy.of("contract", limit);
  }

  /** A small limit per algorithm, so random traffic hits its edges often. */
  private static Limit small(Algorithm algorithm) {
    Limit limit = Limit.of("small", algorithm, 5, SECOND);
    if (algorithm == Algorithm.TOKEN_BUCKET) {
      return limit.withCapacity(8);
    }
    if (algorithm == Algorithm.LEAKY_BUCKET) {
      return limit.withCapacity(3);
    }
    return limit;
  }

  /** One admitted request: when it arrived and, for a leaky bucket, when it leaves the queue. */
  private record Admission(long at, long leaves) {}

  /**
   * Random traffic (bursts at one instant, short gaps, idle spells) against the limiter and the
   * textbook oracle side by side: every decision must agree.
   */
  private List<Admission> randomTraffic(Limit limit, long seed) {
    Random random = new Random(seed);
    Policy policy = single(limit);
    Oracle oracle = Oracle.of(limit);
    String key = key();
    long w = limit.periodMicros();
    long spacing = w / limit.permits();
    List<Admission> admitted = new ArrayList<>();
    time.advanceMicros(random.nextInt((int) w));
    for (int i = 0; i < randomRequests(); i++) {
      double shape = random.nextDouble();
      long gap =
          shape < 0.35
              ? 0
              : shape < 0.75
                  ? (long) (random.nextDouble() * 2 * spacing)
                  : shape < 0.95
                      ? (long) (random.nextDouble() * w)
                      : (long) (random.nextDouble() * 3 * w);
      time.advanceMicros(gap);
      long t = time.micros();
      Decision decision = limiter.tryAcquire(policy, key);
      boolean expected = oracle.admit(t - FakeTime.START);
      String where = limit.describe() + ", seed " + seed + ", request " + i + " at " + t;
      assertThat(decision.allowed()).as(where).isEqualTo(expected);
      assertThat(decision.degraded()).as(where).isFalse();
      assertThat(decision.remaining()).as(where).isBetween(0L, limit.capacity());
      if (decision.allowed()) {
        long delay = decision.delay().toNanos() / 1000;
        assertThat(delay).as(where).isEqualTo(oracle.lastDelay());
        admitted.add(new Admission(t, t + delay));
      } else {
        assertThat(decision.retryAfter()).as(where).isPositive();
        assertThat(decision.violated()).as(where).containsExactly(limit.name());
      }
    }
    assertThat(admitted).as("some admitted").hasSizeGreaterThan(randomRequests() / 20);
    return admitted;
  }

  @Test
  void tokenBucketNeverHoldsMoreThanItsCapacityAndAdmitsAtMostCapacityPlusRateTimesElapsed() {
    Limit limit = small(Algorithm.TOKEN_BUCKET);
    long c = limit.capacity();
    long n = limit.permits();
    long w = limit.periodMicros();
    for (long seed : SEEDS) {
      List<Admission> admitted = randomTraffic(limit, seed);
      for (int i = 0; i < admitted.size(); i++) {
        for (int j = i; j < admitted.size(); j++) {
          long span = admitted.get(j).at() - admitted.get(i).at();
          if (span > 10 * w) {
            break;
          }
          // admitted in [t_i, t_j] <= c + n * span / w
          assertThat((j - i + 1 - c) * w)
              .as("seed %d, admissions %d..%d over %d µs", seed, i, j, span)
              .isLessThanOrEqualTo(n * span);
        }
      }
    }
  }

  @Test
  void leakyBucketLetsRequestsOutNoFasterThanItsLeakRate() {
    Limit limit = small(Algorithm.LEAKY_BUCKET);
    long n = limit.permits();
    long w = limit.periodMicros();
    long maxDelay = (limit.capacity() - 1) * w / n + 1;
    for (long seed : SEEDS) {
      List<Admission> admitted = randomTraffic(limit, seed);
      for (int i = 1; i < admitted.size(); i++) {
        long previous = admitted.get(i - 1).leaves();
        long next = admitted.get(i).leaves();
        // one departure every w / n µs at most (1 µs of rounding)
        assertThat((next - previous + 1) * n)
            .as("seed %d, departures %d and %d", seed, i - 1, i)
            .isGreaterThanOrEqualTo(w);
        assertThat(admitted.get(i).leaves() - admitted.get(i).at())
            .as("a full queue waits at most (capacity - 1) leak intervals")
            .isLessThanOrEqualTo(maxDelay);
      }
    }
  }

  @Test
  void fixedWindowAdmitsAtMostItsPermitsPerAlignedWindow() {
    Limit limit = small(Algorithm.FIXED_WINDOW);
    for (long seed : SEEDS) {
      Map<Long, Integer> perWindow = new HashMap<>();
      for (Admission admission : randomTraffic(limit, seed)) {
        perWindow.merge(Math.floorDiv(admission.at(), limit.periodMicros()), 1, Integer::sum);
      }
      assertThat(perWindow.values()).as("seed %d", seed).allMatch(count -> count <= 5);
    }
  }

  @Test
  void slidingLogNeverAdmitsMoreThanItsPermitsInAnyWindowOfItsLength() {
    Limit limit = small(Algorithm.SLIDING_LOG);
    int n = (int) limit.permits();
    for (long seed : SEEDS) {
      List<Admission> admitted = randomTraffic(limit, seed);
      for (int i = 0; i + n < admitted.size(); i++) {
        // the (i + n)-th admission comes at least a whole window after the i-th
        assertThat(admitted.get(i + n).at() - admitted.get(i).at())
            .as("seed %d, admissions %d and %d", seed, i, i + n)
            .isGreaterThanOrEqualTo(limit.periodMicros());
      }
    }
  }

  @Test
  void slidingWindowStaysWithinItsDocumentedBound() {
    Limit limit = small(Algorithm.SLIDING_WINDOW);
    long n = limit.permits();
    long w = limit.periodMicros();
    for (long seed : SEEDS) {
      List<Admission> admitted = randomTraffic(limit, seed);
      Map<Long, Integer> perWindow = new HashMap<>();
      for (int i = 0; i < admitted.size(); i++) {
        perWindow.merge(Math.floorDiv(admitted.get(i).at(), w), 1, Integer::sum);
        for (int j = i; j < admitted.size(); j++) {
          long span = admitted.get(j).at() - admitted.get(i).at();
          if (span >= w) {
            break;
          }
          // in any span t <= w: at most n + n * t / w (a true sliding window: n)
          assertThat((j - i + 1) * w)
              .as("seed %d, admissions %d..%d over %d µs", seed, i, j, span)
              .isLessThanOrEqualTo(n * w + n * (span + 1));
        }
      }
      assertThat(perWindow.values()).as("seed %d", seed).allMatch(count -> count <= n);
    }
  }

  @Test
  void tokenBucketAdmitsItsBurstAtOnceThenRefillsAtItsRate() {
    Policy policy = single(Limit.parse("token-bucket 10/1s burst 20", "t"));
    String key = key();

    assertThat(admitted(policy, key, 25)).isEqualTo(20);
    Decision rejected = limiter.tryAcquire(policy, key);
    assertThat(rejected.retryAfter()).isEqualTo(Duration.ofMillis(100));

    time.advance(Duration.ofMillis(100));
    assertThat(admitted(policy, key, 5)).isEqualTo(1);

    time.advance(SECOND);
    assertThat(admitted(policy, key, 15)).isEqualTo(10);
  }

  @Test
  void leakyBucketQueuesUpToItsCapacityAndSpacesThemAtTheLeakRate() {
    Policy policy = single(Limit.parse("leaky-bucket 5/1s burst 3", "q"));
    String key = key();

    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Decision decision = limiter.tryAcquire(policy, key);
      assertThat(decision.allowed()).isTrue();
      delays.add(decision.delay());
    }
    Decision full = limiter.tryAcquire(policy, key);

    assertThat(delays)
        .containsExactly(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(full.allowed()).isFalse();
    assertThat(full.retryAfter()).isEqualTo(Duration.ofMillis(200));
    time.advance(Duration.ofMillis(200));
    Decision next = limiter.tryAcquire(policy, key);
    assertThat(next.allowed()).isTrue();
    assertThat(next.delay()).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void fixedWindowAdmitsTwiceItsLimitAcrossAWindowBoundary() {
    // the algorithm's known weakness: 10/1s, yet 20 requests pass within 2 µs
    Policy policy = single(Limit.parse("fixed-window 10/1s", "f"));
    String key = key();
    time.toBoundaryOf(SECOND, 1);

    int before = admitted(policy, key, 15);
    time.advanceMicros(1);
    int after = admitted(policy, key, 15);

    assertThat(before + after).isEqualTo(20);
  }

  @Test
  void slidingWindowCutsTheBoundaryBurstThatAFixedWindowAdmits() {
    Policy policy = single(Limit.parse("sliding-window 10/1s", "s"));
    String key = key();
    time.toBoundaryOf(SECOND, 1);

    int before = admitted(policy, key, 15);
    time.advanceMicros(1);
    int after = admitted(policy, key, 15);
    time.advance(Duration.ofMillis(500));
    int halfWay = admitted(policy, key, 15);

    assertThat(before).isEqualTo(10);
    assertThat(after).isZero();
    assertThat(halfWay).as("the previous window weighs half: 10 * 0.5 used").isEqualTo(5);
  }

  @Test
  void slidingLogFreesAPermitExactlyAWindowAfterItWasTaken() {
    Policy policy = single(Limit.parse("sliding-log 3/1s", "l"));
    String key = key();
    admitted(policy, key, 1);
    time.advance(Duration.ofMillis(300));
    admitted(policy, key, 2);

    Decision rejected = limiter.tryAcquire(policy, key);

    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.retryAfter()).isEqualTo(Duration.ofMillis(700));
    assertThat(rejected.reset()).isEqualTo(Duration.ofMillis(700));
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void aRejectedRequestPassesExactlyAfterItsRetryAfter(Algorithm algorithm) {
    Random random = new Random(algorithm.ordinal());
    for (int round = 0; round < 5; round++) {
      Policy policy = single(Limit.of("r", algorithm, 3, SECOND));
      String key = key();
      time.advanceMicros(random.nextInt(1_000_000));
      Decision decision = limiter.tryAcquire(policy, key);
      while (decision.allowed()) {
        time.advanceMicros(random.nextInt(50_000));
        decision = limiter.tryAcquire(policy, key);
      }
      long retry = decision.retryAfter().toNanos() / 1000;
      assertThat(decision.allowed()).isFalse();

      time.advanceMicros(retry - 1);
      assertThat(limiter.tryAcquire(policy, key).allowed()).as("1 µs early").isFalse();
      time.advanceMicros(1);
      assertThat(limiter.tryAcquire(policy, key).allowed()).as("on time").isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void remainingGrowsExactlyAfterReset(Algorithm algorithm) {
    Random random = new Random(100 + algorithm.ordinal());
    for (int round = 0; round < 5; round++) {
      Policy policy = single(Limit.of("r", algorithm, 4, SECOND));
      String early = key();
      String onTime = key();
      time.advanceMicros(random.nextInt(1_000_000));
      Decision last = null;
      for (int i = 0; i < 2 + random.nextInt(2); i++) {
        last = limiter.tryAcquire(policy, early);
        limiter.tryAcquire(policy, onTime);
        time.advanceMicros(random.nextInt(100_000));
      }
      Decision standing = limiter.tryAcquire(policy, early, 1);
      limiter.tryAcquire(policy, onTime, 1);
      long reset = standing.reset().toNanos() / 1000;
      long remaining = standing.remaining();
      assertThat(reset).as("%s after %s", algorithm, last).isPositive();

      time.advanceMicros(reset - 1);
      assertThat(standingRemaining(limiter.tryAcquire(policy, early)))
          .as("%s 1 µs before reset", algorithm)
          .isEqualTo(remaining);
      time.advanceMicros(1);
      assertThat(standingRemaining(limiter.tryAcquire(policy, onTime)))
          .as("%s at reset", algorithm)
          .isGreaterThan(remaining);
    }
  }

  /** What remained before this decision charged its permit. */
  private static long standingRemaining(Decision decision) {
    return decision.allowed() ? decision.remaining() + 1 : decision.remaining();
  }

  @Test
  void aRequestRejectedByOneLimitConsumesNothingFromTheOthers() {
    Policy policy =
        Policy.of(
            "multi",
            Limit.parse("token-bucket 5/1s name per-second", "m"),
            Limit.parse("fixed-window 3/1m name per-minute", "m"));
    String key = key();

    assertThat(admitted(policy, key, 3)).isEqualTo(3);
    Decision rejected = limiter.tryAcquire(policy, key);

    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.limit()).isEqualTo("per-minute");
    assertThat(rejected.violated()).containsExactly("per-minute");
    assertThat(rejected.quotas())
        .extracting(quota -> quota.limit().name() + "=" + quota.remaining())
        .containsExactly("per-second=2", "per-minute=0");
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire(policy, key);
    }
    Decision stillTwo = limiter.tryAcquire(policy, key);
    assertThat(stillTwo.quotas().get(0).remaining()).as("rejections took no token").isEqualTo(2);
  }

  @Test
  void aRequestPassesOnlyWhenEveryLimitOfItsPolicyPasses() {
    Policy policy =
        Policy.of(
            "both",
            Limit.parse("sliding-window 10/1s name per-second", "b"),
            Limit.parse("sliding-log 15/1m name per-minute", "b"));
    String key = key();

    int first = admitted(policy, key, 20);
    time.advance(Duration.ofSeconds(2));
    int second = admitted(policy, key, 20);
    Decision last = limiter.tryAcquire(policy, key);

    assertThat(first).isEqualTo(10);
    assertThat(second).isEqualTo(5);
    assertThat(last.limit()).isEqualTo("per-minute");
    assertThat(last.retryAfter()).isEqualTo(Duration.ofSeconds(58));
  }

  @Test
  void anAdmittedRequestReportsTheLimitWithTheLeastRemaining() {
    Policy policy =
        Policy.of(
            "report",
            Limit.parse("token-bucket 10/1s name wide", "r"),
            Limit.parse("fixed-window 4/1m name narrow", "r"));

    Decision decision = limiter.tryAcquire(policy, key());

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.policy()).isEqualTo("report");
    assertThat(decision.limit()).isEqualTo("narrow");
    assertThat(decision.remaining()).isEqualTo(3);
    assertThat(decision.retryAfter()).isZero();
    assertThat(decision.quotas()).extracting(Quota::remaining).containsExactly(9L, 3L);
    assertThat(decision.quotas()).noneMatch(Quota::exceeded);
  }

  @Test
  void aRequestMayAskForSeveralPermits() {
    Policy policy = single(Limit.parse("token-bucket 10/1s", "p"));
    String key = key();

    assertThat(limiter.tryAcquire(policy, key, 4).remaining()).isEqualTo(6);
    assertThat(limiter.tryAcquire(policy, key, 4).remaining()).isEqualTo(2);
    Decision tooMany = limiter.tryAcquire(policy, key, 3);
    assertThat(tooMany.allowed()).isFalse();
    assertThat(tooMany.retryAfter()).isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.tryAcquire(policy, key, 2).allowed()).isTrue();
    assertThatThrownBy(() -> limiter.tryAcquire(policy, key, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 10");
  }

  @Test
  void keysAndPoliciesAreCountedApart() {
    Policy one = single(Limit.parse("fixed-window 2/1m", "a"));
    Policy other = Policy.of("other", Limit.parse("fixed-window 2/1m", "a"));
    String alice = key();
    String bob = key();

    assertThat(admitted(one, alice, 5)).isEqualTo(2);
    assertThat(admitted(one, bob, 5)).isEqualTo(2);
    assertThat(admitted(other, alice, 5)).isEqualTo(2);
  }

  @Test
  void theAsynchronousDecisionIsTheSameDecision() throws Exception {
    Policy policy = single(Limit.parse("sliding-log 2/1s", "a"));
    String key = key();

    Decision first =
        limiter.tryAcquireAsync(policy, key).toCompletableFuture().get(5, TimeUnit.SECONDS);
    Decision second =
        limiter.tryAcquireAsync(policy, key).toCompletableFuture().get(5, TimeUnit.SECONDS);
    Decision third =
        limiter.tryAcquireAsync(policy, key).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(first.allowed()).isTrue();
    assertThat(second.allowed()).isTrue();
    assertThat(third.allowed()).isFalse();
    assertThat(third.retryAfter()).isEqualTo(SECOND);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void manyThreadsOnOneKeyNeverOverAdmit(Algorithm algorithm) throws Exception {
    Policy policy = single(Limit.of("hot", algorithm, 50, Duration.ofHours(1)));
    String key = key();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger admitted = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < attemptsPerThread(); i++) {
                    if (limiter.tryAcquire(policy, key).allowed()) {
                      admitted.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(admitted.get()).isEqualTo(50);
  }

  protected int admitted(Policy policy, String key, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.tryAcquire(policy, key).allowed()) {
        admitted++;
      }
    }
    return admitted;
  }
}
