package dev.mercado.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdTest {

  @Test
  void printsAsTheBareUuidSoMessageKeysAndIdempotencyKeysStayTheSame() {
    UUID value = UUID.fromString("3f1c2a9e-6b7d-4c1e-9a2f-5d8e7b6a4c01");

    assertThat(new OrderId(value)).hasToString("3f1c2a9e-6b7d-4c1e-9a2f-5d8e7b6a4c01");
  }

  @Test
  void requiresAValue() {
    assertThatThrownBy(() -> new OrderId(null)).isInstanceOf(NullPointerException.class);
  }
}
