package dev.mercado.bench.ratelimit;

import dev.mercado.platform.ratelimit.Algorithm;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.Limit;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.TimeSource;
import dev.mercado.platform.ratelimit.internal.MemoryRateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of one in-memory decision per algorithm, on the system clock: one hot key (nearly every
 * request rejected once the limit is spent) or 10 000 keys taken in turn (nearly every request
 * admitted). Admissions and rejections are counted alongside.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class MemoryDecision {

  @Param({"TOKEN_BUCKET", "LEAKY_BUCKET", "FIXED_WINDOW", "SLIDING_LOG", "SLIDING_WINDOW"})
  public Algorithm algorithm;

  @Param({"1", "10000"})
  public int keys;

  private MemoryRateLimiter limiter;
  private Policy policy;
  private String[] names;

  @Setup(Level.Trial)
  public void setUp() {
    limiter = new MemoryRateLimiter(TimeSource.system(), 1_000_000, Duration.ZERO);
    policy = Policy.of("bench", Limit.of("bench", algorithm, 1000, Duration.ofSeconds(1)));
    names = new String[keys];
    for (int i = 0; i < keys; i++) {
      names[i] = "client-" + i;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    limiter.close();
  }

  /** Each thread walks the keys from its own offset. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 7919);
  }

  /** How many decisions admitted and rejected (per second in the results). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Outcomes {
    public long admitted;
    public long rejected;
  }

  @Benchmark
  public Decision decide(Cursor cursor, Outcomes outcomes) {
    int index = Math.floorMod(cursor.next++, names.length);
    Decision decision = limiter.tryAcquire(policy, names[index]);
    if (decision.allowed()) {
      outcomes.admitted++;
    } else {
      outcomes.rejected++;
    }
    return decision;
  }
}
