package dev.mercado.platform.chaos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackOnlyFilterTest {

  @Test
  void letsOnlyLoopbackAddressesThrough() {
    assertThat(LoopbackOnlyFilter.loopback("127.0.0.1")).isTrue();
    assertThat(LoopbackOnlyFilter.loopback("127.3.4.5")).isTrue();
    assertThat(LoopbackOnlyFilter.loopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(LoopbackOnlyFilter.loopback("10.0.0.7")).isFalse();
    assertThat(LoopbackOnlyFilter.loopback("192.168.1.20")).isFalse();
    assertThat(LoopbackOnlyFilter.loopback("localhost")).isFalse();
    assertThat(LoopbackOnlyFilter.loopback("")).isFalse();
    assertThat(LoopbackOnlyFilter.loopback(null)).isFalse();
  }
}
