package dev.mercado.platform.chaos.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code GET /actuator/chaosdeadline}: the monkey's assault and when it ends. {@code POST
 * /actuator/chaosdeadline {"seconds":"N"}}: the active assault ends N seconds from now (at most the
 * maximum, 600 s by default); 400 when N is out of range or no assault is active. N is a JSON
 * string (or {@code ?seconds=N}): Actuator reads the body as {@code Map<String, String>}, and a
 * service's JSON reading refuses a number where it expects a string (platform-errors).
 */
@Endpoint(id = "chaosdeadline", defaultAccess = Access.UNRESTRICTED)
public class ChaosDeadlineEndpoint {

  private final AssaultDeadline deadline;

  public ChaosDeadlineEndpoint(AssaultDeadline deadline) {
    this.deadline = deadline;
  }

  @ReadOperation
  public Map<String, Object> status() {
    return deadline.status();
  }

  @WriteOperation
  public Map<String, Object> expireIn(long seconds) {
    try {
      deadline.expireIn(Duration.ofSeconds(seconds));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
    }
    return deadline.status();
  }
}
