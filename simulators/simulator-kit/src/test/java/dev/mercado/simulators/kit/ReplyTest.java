package dev.mercado.simulators.kit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void rendersAValueAsJson() {
    Reply reply = Reply.json(201, Map.of("id", "auth_1"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(new String(reply.body(), UTF_8)).isEqualTo("{\"id\":\"auth_1\"}");
    assertThat(reply.headers()).isEmpty();
  }

  @Test
  void rendersAProblemWithItsStatusAndMediaType() {
    Reply reply =
        Reply.problem(Fixtures.TYPES.of(402, "card-declined", "Card declined", "declined"));

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat(new String(reply.body(), UTF_8)).startsWith("{\"type\":\"urn:mercado:test:");
  }

  @Test
  void hasNeitherBodyNorContentTypeForNoContent() {
    Reply reply = Reply.noContent();

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.contentType()).isNull();
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void addsHeadersInOrderWithoutChangingTheOriginal() {
    Reply plain = Reply.json(200, Map.of());

    Reply more = plain.withHeader("Location", "/x").withHeader("Idempotent-Replayed", "true");

    assertThat(more.headers())
        .containsExactly(Map.entry("Location", "/x"), Map.entry("Idempotent-Replayed", "true"));
    assertThat(plain.headers()).isEmpty();
    assertThat(more.body()).isSameAs(plain.body());
  }
}
