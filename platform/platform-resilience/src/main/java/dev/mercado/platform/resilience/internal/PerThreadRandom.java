package dev.mercado.platform.resilience.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A random source that any thread may share: every draw comes from the calling thread's {@link
 * ThreadLocalRandom}, so shared backoffs neither contend on one seed nor need a lock.
 */
public final class PerThreadRandom implements RandomGenerator {

  /** The one instance; it holds no state. */
  public static final PerThreadRandom INSTANCE = new PerThreadRandom();

  private PerThreadRandom() {}

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public long nextLong(long bound) {
    return ThreadLocalRandom.current().nextLong(bound);
  }

  @Override
  public long nextLong(long origin, long bound) {
    return ThreadLocalRandom.current().nextLong(origin, bound);
  }

  @Override
  public double nextDouble() {
    return ThreadLocalRandom.current().nextDouble();
  }
}
