package dev.mercado.simulators.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void takesAtLeastTheSizeOverTheRateForAnyTransferFromTheStart() {
    // given: 1 000 bytes/s, so 100 bytes at a time
    TokenBucket bucket = new TokenBucket(1_000, 0);
    long now = 0;

    // when: 5 000 bytes, each slice sent as soon as allowed
    for (int sent = 0; sent < 5_000; sent += bucket.burst()) {
      now += bucket.take(bucket.burst(), now);
    }

    // then
    assertThat(bucket.burst()).isEqualTo(100);
    assertThat(now).isEqualTo(5 * SECOND);
  }

  @Test
  void letsAtMostOneHundredMillisecondsWorthThroughAfterIdling() {
    // given
    TokenBucket bucket = new TokenBucket(1_000, 0);

    // when: idle for ten seconds
    long first = bucket.take(100, 10 * SECOND);
    long second = bucket.take(100, 10 * SECOND);

    // then
    assertThat(first).isZero();
    assertThat(second).isEqualTo(SECOND / 10);
  }

  @Test
  void sendsOneByteAtATimeAtTheLowestRate() {
    TokenBucket bucket = new TokenBucket(125, 0);

    assertThat(bucket.burst()).isEqualTo(12);
    assertThat(bucket.take(12, 0)).isEqualTo(SECOND * 12 / 125);
    assertThat(new TokenBucket(5, 0).burst()).isEqualTo(1);
  }

  @Test
  void capsASliceAtOneMebibyte() {
    assertThat(new TokenBucket(125_000_000, 0).burst()).isEqualTo(1 << 20);
  }

  @Test
  void refusesARateBelowOneBytePerSecond() {
    assertThatThrownBy(() -> new TokenBucket(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
