package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.PaymentProvider.PROBLEMS;

import dev.mercado.simulators.kit.Call;
import dev.mercado.simulators.kit.JsonEndpoint;
import dev.mercado.simulators.kit.ProblemException;
import dev.mercado.simulators.kit.Reply;
import dev.mercado.simulators.payment.Authorization.Status;
import dev.mercado.simulators.payment.IdempotencyRecords.Fingerprint;
import dev.mercado.simulators.payment.IdempotencyRecords.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The provider's API port: {@code /v1/...} under the current {@link Faults}, and {@code /health},
 * which faults leave alone so that it only tells whether the port listens.
 */
final class PaymentApi extends JsonEndpoint {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

  private static final String AUTHORIZATIONS = "/v1/authorizations";
  private static final String LEDGER = "/v1/ledger";
  private static final Pattern CHANGE =
      Pattern.compile("/v1/authorizations/([^/]+)/(capture|refund)");

  private final Ledger ledger;
  private final IdempotencyRecords idempotency;
  private final Supplier<Faults> faults;

  PaymentApi(Ledger ledger, IdempotencyRecords idempotency, Supplier<Faults> faults) {
    super(PaymentProvider.NAME, PROBLEMS);
    this.ledger = ledger;
    this.idempotency = idempotency;
    this.faults = faults;
  }

  @Override
  protected Reply respond(Call call) {
    if (call.path().equals("/health")) {
      return call.method().equals("GET")
          ? Reply.json(200, Map.of("status", "UP"))
          : call.methodNotAllowed("GET");
    }
    if (!call.path().startsWith("/v1/")) {
      return call.notFound();
    }
    Faults current = faults.get();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Reply reply = current.nextCallFails(random) ? injectedFailure() : v1(call);
    // after the work, as with a slow provider: a client that times out may already have been
    // charged, and a retry with the same Idempotency-Key gets the stored reply
    hold(current.nextDelay(random));
    return reply;
  }

  /** The ledger as {@code GET /v1/ledger?reference=} shows it; shared with the admin port. */
  static Reply statement(Ledger ledger, Call call) {
    String reference = call.queryParameter("reference").orElse(null);
    if (reference != null && reference.isBlank()) {
      throw PROBLEMS
          .of(400, "invalid-request", "Invalid request", "reference must not be blank")
          .with("field", "reference")
          .toException();
    }
    return Reply.json(200, ledger.statement(reference).toJson());
  }

  private Reply v1(Call call) {
    try {
      if (call.path().equals(AUTHORIZATIONS)) {
        return call.method().equals("POST") ? authorize(call) : call.methodNotAllowed("POST");
      }
      if (call.path().equals(LEDGER)) {
        return call.method().equals("GET") ? statement(ledger, call) : call.methodNotAllowed("GET");
      }
      Matcher change = CHANGE.matcher(call.path());
      if (change.matches()) {
        return call.method().equals("POST")
            ? change(call, change.group(1), change.group(2))
            : call.methodNotAllowed("POST");
      }
      return call.notFound();
    } catch (ProblemException e) {
      return Reply.problem(e.problem());
    }
  }

  private Reply authorize(Call call) {
    String key = idempotencyKey(call);
    JsonNode body = call.jsonObject();
    AuthorizationRequest request = AuthorizationRequest.from(body);
    return idempotent(
        key,
        Fingerprint.of(call.method(), call.path(), body),
        () -> {
          Authorization authorization = ledger.authorize(request);
          if (authorization.status() == Status.DECLINED) {
            return Reply.problem(
                PROBLEMS
                    .of(
                        402,
                        "card-declined",
                        "Card declined",
                        "the card was declined: " + authorization.declineCode())
                    .with("declineCode", authorization.declineCode())
                    .with("authorizationId", authorization.id()));
          }
          return Reply.json(201, authorization.toJson())
              .withHeader("Location", AUTHORIZATIONS + "/" + authorization.id());
        });
  }

  private Reply change(Call call, String id, String action) {
    String key = idempotencyKey(call);
    return idempotent(
        key,
        Fingerprint.of(call.method(), call.path(), call.body()),
        () -> {
          try {
            Authorization changed =
                action.equals("capture") ? ledger.capture(id) : ledger.refund(id);
            return Reply.json(200, changed.toJson());
          } catch (NoSuchElementException e) {
            return Reply.problem(
                PROBLEMS.of(404, "unknown-authorization", "Unknown authorization", e.getMessage()));
          } catch (IllegalStateException e) {
            return Reply.problem(
                PROBLEMS.of(409, "invalid-transition", "Invalid state transition", e.getMessage()));
          }
        });
  }

  private Reply idempotent(String key, Fingerprint fingerprint, Supplier<Reply> operation) {
    Outcome outcome = idempotency.execute(key, fingerprint, operation);
    return outcome.replayed()
        ? outcome.reply().withHeader(IDEMPOTENT_REPLAYED, "true")
        : outcome.reply();
  }

  private static String idempotencyKey(Call call) {
    String key = call.header(IDEMPOTENCY_KEY).orElse("");
    if (key.isBlank()) {
      throw PROBLEMS
          .of(
              400,
              "idempotency-key-required",
              "Idempotency-Key required",
              "this operation needs an " + IDEMPOTENCY_KEY + " header")
          .toException();
    }
    if (key.length() > IdempotencyRecords.MAX_KEY_LENGTH) {
      throw PROBLEMS
          .of(
              400,
              "invalid-request",
              "Invalid request",
              IDEMPOTENCY_KEY
                  + " must be at most "
                  + IdempotencyRecords.MAX_KEY_LENGTH
                  + " characters")
          .toException();
    }
    return key;
  }

  private static Reply injectedFailure() {
    return Reply.problem(
        PROBLEMS.of(
            500,
            "internal-error",
            "Internal error",
            "the provider failed before doing anything (fault injected by failureRate); retrying"
                + " with the same Idempotency-Key is safe"));
  }

  private static void hold(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
