package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void picksDistinctFreePortsBelowTheEphemeralRange() throws Exception {
    int ephemeralLow = Ports.ephemeralLow();
    Set<Integer> picked = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = Ports.free();
      assertThat(Ports.isFree(port)).isTrue();
      assertThat(picked.add(port)).as("port %d handed out twice", port).isTrue();
    }
    // outgoing connections take their source ports from the ephemeral range: none of these
    assertThat(picked).allSatisfy(port -> assertThat(port).isBetween(1024, ephemeralLow - 1));
  }
}
