package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  /** A cluster id starting with '-' made StorageTool fail with "expected one argument". */
  @Test
  void clusterIdsNeverLookLikeAnOption() {
    for (int i = 0; i < 5_000; i++) {
      assertThat(KafkaBroker.clusterId()).doesNotStartWith("-").hasSize(22);
    }
  }
}
