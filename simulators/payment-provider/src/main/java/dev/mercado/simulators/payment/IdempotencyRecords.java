package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.PaymentProvider.PROBLEMS;

import dev.mercado.simulators.kit.Json;
import dev.mercado.simulators.kit.ProblemException;
import dev.mercado.simulators.kit.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The stored result of every unsafe request, by {@code Idempotency-Key}, so that a retry gets the
 * first answer instead of a second charge.
 *
 * <p>Guarantees: for one key the operation runs at most once while it succeeds, however many
 * requests arrive at the same time; those that arrive while it runs wait for its reply (up to the
 * in-flight timeout, then 409). A key is bound to the method, path and body of its first request;
 * another request with that key gets a 422 problem. An operation that throws releases its key, so
 * that it can be retried. Keys never expire; {@link #clear()} forgets them all. In memory only.
 *
 * <p>Thread-safe.
 */
final class IdempotencyRecords {

  static final int MAX_KEY_LENGTH = 255;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration inFlightTimeout;

  IdempotencyRecords(Duration inFlightTimeout) {
    this.inFlightTimeout = inFlightTimeout;
  }

  /**
   * Runs the operation for the first request with this key, or returns the reply stored for it.
   *
   * @throws ProblemException 422 if the key was first used for another request, 409 if the first
   *     request is still running after the in-flight timeout
   */
  Outcome execute(String key, Fingerprint fingerprint, Supplier<Reply> operation) {
    while (true) {
      Entry mine = new Entry(fingerprint, new CompletableFuture<>());
      Entry existing = entries.putIfAbsent(key, mine);
      if (existing == null) {
        return new Outcome(run(key, mine, operation), false);
      }
      if (!existing.fingerprint().equals(fingerprint)) {
        throw PROBLEMS
            .of(
                422,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "Idempotency-Key '"
                    + key
                    + "' was first used for "
                    + existing.fingerprint().describe()
                    + " with another body; use a new key for a new request")
            .toException();
      }
      Reply stored = await(key, existing);
      if (stored != null) {
        return new Outcome(stored, true);
      }
      // the first request failed and released the key: this one may run the operation itself
    }
  }

  void clear() {
    entries.clear();
  }

  int size() {
    return entries.size();
  }

  private Reply run(String key, Entry entry, Supplier<Reply> operation) {
    try {
      Reply reply = operation.get();
      entry.reply().complete(reply);
      return reply;
    } catch (RuntimeException | Error e) {
      entries.remove(key, entry);
      entry.reply().completeExceptionally(e);
      throw e;
    }
  }

  private Reply await(String key, Entry entry) {
    try {
      return entry.reply().get(inFlightTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return null;
    } catch (TimeoutException e) {
      throw PROBLEMS
          .of(
              409,
              "idempotency-key-in-flight",
              "Request in progress",
              "a request with Idempotency-Key '" + key + "' is still being processed; retry later")
          .toException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PROBLEMS
          .of(503, "unavailable", "Unavailable", "the provider is stopping")
          .toException();
    }
  }

  /**
   * What makes two requests "the same": method, path and body. A JSON body is compared as JSON
   * (property order and white space do not matter), any other body byte for byte. Only a digest of
   * the body is kept, so that a record stays small.
   */
  record Fingerprint(String method, String path, String bodyDigest) {

    static Fingerprint of(String method, String path, JsonNode body) {
      return new Fingerprint(method, path, digest("json:", Json.canonical(body)));
    }

    static Fingerprint of(String method, String path, byte[] body) {
      return Json.parse(body)
          .map(json -> of(method, path, json))
          .orElseGet(() -> new Fingerprint(method, path, digest("raw:", body)));
    }

    String describe() {
      return method + " " + path;
    }

    private static String digest(String kind, byte[] body) {
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(kind.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().withoutPadding().encodeToString(sha256.digest(body));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
  }

  /** A reply and whether it is a replay of an earlier request's reply. */
  record Outcome(Reply reply, boolean replayed) {}

  private record Entry(Fingerprint fingerprint, CompletableFuture<Reply> reply) {}
}
