package dev.mercado.platform.inbox.internal;

import dev.mercado.platform.inbox.DeadLetters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code GET /actuator/deadletters/{topic}} lists what waits on a dead-letter topic or queue (at
 * most 100); {@code POST /actuator/deadletters/{topic}} re-drives all of it to where it came from.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

  private final List<DeadLetters> deadLetters;

  public DeadLettersEndpoint(List<DeadLetters> deadLetters) {
    this.deadLetters = List.copyOf(deadLetters);
  }

  /** The parked items, or null (404) for a name that is no dead-letter topic or queue here. */
  @ReadOperation
  public List<DeadLetters.DeadLetter> list(@Selector String topic) {
    return holder(topic).map(holder -> holder.list(topic, 100)).orElse(null);
  }

  @WriteOperation
  public Map<String, Object> redrive(@Selector String topic) {
    return holder(topic)
        .map(holder -> Map.<String, Object>of("topic", topic, "redriven", holder.redrive(topic)))
        .orElse(null);
  }

  private Optional<DeadLetters> holder(String name) {
    return deadLetters.stream().filter(holder -> holder.holds(name)).findFirst();
  }
}
