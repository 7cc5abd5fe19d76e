package dev.mercado.simulators.payment;

import dev.mercado.simulators.payment.Authorization.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Every authorization attempt the provider has seen, approved or declined, in arrival order. In
 * memory only: it is empty when the process starts and gone when it stops.
 *
 * <p>Thread-safe: every operation is atomic (one lock), so a state change is never lost and a
 * statement is a consistent snapshot.
 */
final class Ledger {

  private final Clock clock;
  private final Map<String, Authorization> authorizations = new LinkedHashMap<>();

  Ledger(Clock clock) {
    this.clock = clock;
  }

  /** Records a new authorization: {@code AUTHORIZED}, or {@code DECLINED} for a declining card. */
  synchronized Authorization authorize(AuthorizationRequest request) {
    String id = "auth_" + UUID.randomUUID();
    Instant now = clock.instant();
    Authorization authorization =
        request
            .card()
            .declineCode()
            .map(code -> Authorization.declined(id, request, code, now))
            .orElseGet(() -> Authorization.authorized(id, request, now));
    authorizations.put(id, authorization);
    return authorization;
  }

  /**
   * @throws NoSuchElementException for an unknown id
   * @throws IllegalStateException unless the authorization is {@code AUTHORIZED}
   */
  synchronized Authorization capture(String id) {
    Authorization authorization = find(id);
    if (authorization.status() != Status.AUTHORIZED) {
      throw new IllegalStateException(
          "authorization " + id + " is " + authorization.status() + "; only AUTHORIZED captures");
    }
    return replace(authorization.captured(clock.instant()));
  }

  /**
   * Refunds a captured authorization or voids (releases) one that is only authorized.
   *
   * @throws NoSuchElementException for an unknown id
   * @throws IllegalStateException unless the authorization is {@code AUTHORIZED} or {@code
   *     CAPTURED}
   */
  synchronized Authorization refund(String id) {
    Authorization authorization = find(id);
    if (authorization.status() != Status.AUTHORIZED && authorization.status() != Status.CAPTURED) {
      throw new IllegalStateException(
          "authorization "
              + id
              + " is "
              + authorization.status()
              + "; only AUTHORIZED or CAPTURED refunds");
    }
    return replace(authorization.refunded(clock.instant()));
  }

  /** The authorizations with this reference, or all of them for {@code null}, with their counts. */
  synchronized Statement statement(String reference) {
    List<Authorization> selected =
        authorizations.values().stream()
            .filter(a -> reference == null || a.reference().equals(reference))
            .toList();
    return new Statement(selected, Counts.of(selected));
  }

  synchronized void clear() {
    authorizations.clear();
  }

  private Authorization find(String id) {
    Authorization authorization = authorizations.get(id);
    if (authorization == null) {
      throw new NoSuchElementException("no authorization " + id);
    }
    return authorization;
  }

  private Authorization replace(Authorization authorization) {
    authorizations.put(authorization.id(), authorization);
    return authorization;
  }

  /** A consistent snapshot of (part of) the ledger. */
  record Statement(List<Authorization> authorizations, Counts counts) {

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("authorizations", authorizations.stream().map(Authorization::toJson).toList());
      json.put("counts", counts.toJson());
      return json;
    }
  }

  /**
   * How many authorizations ever reached each state, so each count only grows until a reset: one
   * that was captured and then refunded counts once as authorized, captured and refunded. Declined
   * ones count only as declined.
   */
  record Counts(int authorized, int captured, int refunded, int declined) {

    static Counts of(List<Authorization> authorizations) {
      int authorized = 0;
      int captured = 0;
      int refunded = 0;
      int declined = 0;
      for (Authorization a : authorizations) {
        if (a.status() == Status.DECLINED) {
          declined++;
          continue;
        }
        authorized++;
        if (a.capturedAt() != null) {
          captured++;
        }
        if (a.refundedAt() != null) {
          refunded++;
        }
      }
      return new Counts(authorized, captured, refunded, declined);
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("authorized", authorized);
      json.put("captured", captured);
      json.put("refunded", refunded);
      json.put("declined", declined);
      return json;
    }
  }
}
