package dev.mercado.simulators.proxy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The faults of a route with their time bound, as the admin API shows them. Immutable.
 *
 * @param faults what is on; {@link Faults#NONE} for nothing
 * @param duration how long they last from the change that set them; null when none is on
 * @param expiresAt when they clear themselves; null when none is on
 */
record ActiveFaults(Faults faults, Duration duration, Instant expiresAt) {

  static final ActiveFaults NONE = new ActiveFaults(Faults.NONE, null, null);

  /**
   * {@code faults} for {@code duration} from {@code now}, or {@link #NONE} if no fault is on: an
   * empty set of faults has nothing to expire.
   */
  static ActiveFaults of(Faults faults, Duration duration, Instant now) {
    return faults.any() ? new ActiveFaults(faults, duration, now.plus(duration)) : NONE;
  }

  /** Whether these faults have expired at {@code now}. */
  boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /**
   * The fields of {@link Faults#toJson()}, then {@code active}, {@code durationSeconds} and {@code
   * expiresAt} (ISO-8601), both null when no fault is on.
   */
  Map<String, Object> toJson() {
    Map<String, Object> json = faults.toJson();
    json.put("active", faults.any());
    json.put("durationSeconds", duration == null ? null : duration.toSeconds());
    json.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
    return json;
  }
}
