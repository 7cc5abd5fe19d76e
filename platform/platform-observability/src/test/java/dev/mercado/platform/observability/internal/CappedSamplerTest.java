package dev.mercado.platform.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The sampler behind every service's traces (O2, M1). */
class CappedSamplerTest {

  @Test
  void samplesEveryNewTraceUpToTheCapThenNoMoreWithinTheSecond() {
    CappedSampler sampler = new CappedSampler(1.0f, 10);

    long start = System.nanoTime();
    long sampled = LongStream.range(1, 1_001).filter(sampler::isSampled).count();
    long elapsed = System.nanoTime() - start;

    assertThat(elapsed).as("the calls ran within one second").isLessThan(1_000_000_000L);
    assertThat(sampled).isBetween(1L, 10L);
  }

  @Test
  void aCapOfZeroLimitsNothing() {
    CappedSampler sampler = new CappedSampler(1.0f, 0);

    assertThat(LongStream.range(1, 1_001).filter(sampler::isSampled).count()).isEqualTo(1_000);
  }

  @Test
  void theShareStillApplies() {
    assertThat(LongStream.range(1, 1_001).filter(new CappedSampler(0f, 0)::isSampled).count())
        .isZero();
    long half = LongStream.range(1, 10_001).filter(new CappedSampler(0.5f, 0)::isSampled).count();
    assertThat(half).isBetween(4_000L, 6_000L);
  }
}
