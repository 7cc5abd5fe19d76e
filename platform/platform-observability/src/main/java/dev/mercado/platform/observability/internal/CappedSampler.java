package dev.mercado.platform.observability.internal;

import brave.sampler.RateLimitingSampler;
import brave.sampler.Sampler;

/**
 * Samples a share of new traces, and of those at most a number a second (Brave's {@link
 * RateLimitingSampler}, which spreads them over the second). Brave asks a sampler only for a trace
 * this process starts: a request or record that carries a sampling decision keeps it.
 */
public final class CappedSampler extends Sampler {

  private final Sampler share;
  private final Sampler rate;

  /**
   * @param probability the share of new traces sampled, 0 to 1
   * @param maxPerSecond the most sampled a second; 0 for no limit
   */
  public CappedSampler(float probability, int maxPerSecond) {
    this.share = Sampler.create(probability);
    this.rate =
        maxPerSecond == 0 ? Sampler.ALWAYS_SAMPLE : RateLimitingSampler.create(maxPerSecond);
  }

  @Override
  public boolean isSampled(long traceId) {
    return share.isSampled(traceId) && rate.isSampled(traceId);
  }
}
