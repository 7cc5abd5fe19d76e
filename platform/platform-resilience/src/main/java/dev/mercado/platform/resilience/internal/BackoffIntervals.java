package dev.mercado.platform.resilience.internal;

import dev.mercado.platform.resilience.Backoff;
import dev.mercado.platform.resilience.RetryBudget;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.util.random.RandomGenerator;

/**
 * A {@link Backoff} as Resilience4j's interval function, optionally charging a {@link RetryBudget}.
 *
 * <p>Resilience4j calls the function once per retry it is about to make, after it has decided that
 * the failure is retryable and attempts remain, with {@code attempt} = the number of failed
 * attempts so far. That is where the budget is charged: a retry the budget refuses returns {@code
 * -1}, which Resilience4j (2.x) reads as "do not retry": the call fails with its last exception and
 * a {@code RetryOnErrorEvent} is published. (In the synchronous path Resilience4j 2.4.0 hands the
 * {@code -1} to its sleep function, whose default, {@code Thread::sleep}, refuses it, which ends
 * the retry; a sleep function replaced through {@code RetryImpl.setSleepFunction} must refuse
 * negative values too.)
 *
 * <p>Decorrelated jitter's previous pause is taken from the call's own {@link Backoff.Sequence}
 * when a {@link BudgetedRetry} has bound one to the current thread, else from a sequence kept per
 * thread (restarted at attempt 1, replayed from the start when the thread's sequence is not at the
 * attempt before). Thread-safe.
 */
public final class BackoffIntervals<T> implements IntervalBiFunction<T> {

  private static final ThreadLocal<Backoff.Sequence> BOUND = new ThreadLocal<>();

  private final Backoff backoff;
  private final RandomGenerator random;
  private final RetryBudget budget;
  private final ThreadLocal<Backoff.Sequence> perThread = new ThreadLocal<>();

  /**
   * @param budget charged one token per retry; {@code null} for no budget
   */
  public BackoffIntervals(Backoff backoff, RandomGenerator random, RetryBudget budget) {
    this.backoff = backoff;
    this.random = random;
    this.budget = budget;
  }

  @Override
  public Long apply(Integer attempt, Either<Throwable, T> outcome) {
    if (budget != null && !budget.tryAcquireRetry()) {
      return -1L;
    }
    return sequenceFor(attempt).next().toMillis();
  }

  private Backoff.Sequence sequenceFor(int attempt) {
    Backoff.Sequence bound = BOUND.get();
    if (bound != null && bound.backoff().equals(backoff)) {
      return bound;
    }
    Backoff.Sequence own = perThread.get();
    if (attempt <= 1 || own == null || own.retries() != attempt - 1) {
      own = backoff.sequence(random);
      for (int skipped = 1; skipped < attempt; skipped++) {
        own.next();
      }
      perThread.set(own);
    }
    return own;
  }

  /** Work done while a call's sequence is bound, which may throw {@code E}. */
  @FunctionalInterface
  interface Bound<R, E extends Exception> {
    R call() throws E;
  }

  /**
   * Runs {@code work} with {@code sequence} as the current call's sequence on this thread, then
   * restores the one bound before (calls may nest).
   */
  static <R, E extends Exception> R within(Backoff.Sequence sequence, Bound<R, E> work) throws E {
    Backoff.Sequence before = BOUND.get();
    BOUND.set(sequence);
    try {
      return work.call();
    } finally {
      if (before == null) {
        BOUND.remove();
      } else {
        BOUND.set(before);
      }
    }
  }
}
