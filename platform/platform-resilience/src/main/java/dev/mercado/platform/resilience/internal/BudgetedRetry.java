package dev.mercado.platform.resilience.internal;

import dev.mercado.platform.resilience.Backoff;
import dev.mercado.platform.resilience.RetryBudget;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A Resilience4j {@link Retry} that records every call in its downstream's {@link RetryBudget} (the
 * deposit of a first attempt) and gives each call its own {@link Backoff.Sequence}. The retry it
 * wraps must use a {@link BackoffIntervals} on the same budget, which charges the retries. Every
 * {@code Retry.decorate*}/{@code execute*} method goes through {@link #context()} or {@link
 * #asyncContext()} once per call, so each call deposits exactly once. Thread-safe.
 */
public final class BudgetedRetry implements Retry {

  private final Retry delegate;
  private final RetryBudget budget;
  private final Backoff backoff;
  private final RandomGenerator random;

  public BudgetedRetry(
      Retry delegate, RetryBudget budget, Backoff backoff, RandomGenerator random) {
    this.delegate = delegate;
    this.budget = budget;
    this.backoff = backoff;
    this.random = random;
  }

  @Override
  public <T> Context<T> context() {
    budget.recordRequest();
    return new SequencedContext<>(delegate.context(), backoff.sequence(random));
  }

  @Override
  public <T> AsyncContext<T> asyncContext() {
    budget.recordRequest();
    return new SequencedAsyncContext<>(delegate.asyncContext(), backoff.sequence(random));
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public RetryConfig getRetryConfig() {
    return delegate.getRetryConfig();
  }

  @Override
  public Map<String, String> getTags() {
    return delegate.getTags();
  }

  @Override
  public EventPublisher getEventPublisher() {
    return delegate.getEventPublisher();
  }

  @Override
  public Metrics getMetrics() {
    return delegate.getMetrics();
  }

  @Override
  public String toString() {
    return "BudgetedRetry[" + delegate.getName() + ", " + backoff + ", " + budget + "]";
  }

  /** Binds the call's sequence while Resilience4j decides on (and computes) the next retry. */
  private static final class SequencedContext<T> implements Context<T> {

    private final Context<T> delegate;
    private final Backoff.Sequence sequence;

    SequencedContext(Context<T> delegate, Backoff.Sequence sequence) {
      this.delegate = delegate;
      this.sequence = sequence;
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }

    @Override
    public boolean onResult(T result) {
      return BackoffIntervals.within(sequence, () -> delegate.onResult(result));
    }

    @Override
    public void onError(Exception exception) throws Exception {
      BackoffIntervals.within(
          sequence,
          () -> {
            delegate.onError(exception);
            return null;
          });
    }

    @Override
    public void onRuntimeError(RuntimeException runtimeException) {
      BackoffIntervals.within(
          sequence,
          () -> {
            delegate.onRuntimeError(runtimeException);
            return null;
          });
    }
  }

  private static final class SequencedAsyncContext<T> implements AsyncContext<T> {

    private final AsyncContext<T> delegate;
    private final Backoff.Sequence sequence;

    SequencedAsyncContext(AsyncContext<T> delegate, Backoff.Sequence sequence) {
      this.delegate = delegate;
      this.sequence = sequence;
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }

    @Override
    public long onError(Throwable throwable) {
      return BackoffIntervals.within(sequence, () -> delegate.onError(throwable));
    }

    @Override
    public long onResult(T result) {
      return BackoffIntervals.within(sequence, () -> delegate.onResult(result));
    }
  }
}
