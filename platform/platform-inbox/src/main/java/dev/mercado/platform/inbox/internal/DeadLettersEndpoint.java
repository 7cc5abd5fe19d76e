package dev.mercado.platform.inbox.internal;

import dev.mercado.platform.inbox.DeadLetters;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code GET /actuator/deadletters/{topic}} lists what waits on a dead-letter topic (at most 100);
 * {@code POST /actuator/deadletters/{topic}} re-drives all of it to the original topics.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

  private final DeadLetters deadLetters;

  public DeadLettersEndpoint(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @ReadOperation
  public List<DeadLetters.DeadLetter> list(@Selector String topic) {
    return deadLetters.list(topic, 100);
  }

  @WriteOperation
  public Map<String, Object> redrive(@Selector String topic) {
    return Map.of("topic", topic, "redriven", deadLetters.redrive(topic));
  }
}
