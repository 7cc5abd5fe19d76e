package dev.mercado.systemtests;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault suite's clients (Jepsen's generator and history): a few customers checking out
 * concurrently through the gateway, each checkout with its own {@code Idempotency-Key}, every one
 * recorded with what the client was told. The mix is fixed by the checkout's number, so that the
 * checker classifies an outcome by the card and the stock asked for, never by the outcome alone:
 * one in five cards is declined, one in four checkouts goes to the current fault's scarce product.
 */
final class Checkouts {

  static final List<String> VALID_CARDS = List.of("tok_visa", "tok_mastercard");
  static final List<String> DECLINED_CARDS =
      List.of("tok_insufficient_funds", "tok_declined", "tok_expired");

  /**
   * One checkout: what the client asked for and what it was told. {@code status} is -1 when no
   * answer came (refused connection, timeout); {@code orderId} is set once a 202 named the order.
   */
  record Attempt(
      int window,
      String key,
      UUID product,
      int quantity,
      String card,
      Instant sentAt,
      int status,
      boolean retryAfter,
      String orderId,
      String error) {

    boolean validCard() {
      return VALID_CARDS.contains(card);
    }

    boolean accepted() {
      return status == 202;
    }
  }

  private final Shop shop;
  private final UUID plentiful;
  private final List<UUID> scarce;
  private final int limit;
  private final AtomicInteger window = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Attempt> attempts = new ArrayList<>();
  private volatile boolean running;
  private ExecutorService clients;

  /**
   * @param scarce one scarce product per fault window, in window order
   * @param limit at most this many accepted checkouts in all (the mailbox keeps 2 000 messages: one
   *     e-mail per order must fit), and at most three times as many tried
   */
  Checkouts(Shop shop, UUID plentiful, List<UUID> scarce, int limit) {
    this.shop = shop;
    this.plentiful = plentiful;
    this.scarce = List.copyOf(scarce);
    this.limit = limit;
  }

  /** Checkouts from now on belong to this fault window. */
  void window(int index) {
    window.set(index);
  }

  int window() {
    return window.get();
  }

  /** The product checkouts of the current window use when they want scarce stock. */
  UUID scarceNow() {
    return scarce.get(window.get());
  }

  /** Starts {@code count} clients, each checking out, then pausing. */
  void start(int count, Duration pause) {
    running = true;
    clients = Executors.newFixedThreadPool(count);
    for (int i = 0; i < count; i++) {
      clients.submit(
          () -> {
            while (running && accepted.get() < limit && sequence.get() < 3 * limit) {
              Attempt attempt = checkout(sequence.getAndIncrement());
              if (attempt.accepted()) {
                accepted.incrementAndGet();
              }
              record(attempt);
              try {
                Thread.sleep(pause.toMillis()); // the client's think time, not a wait for a result
              } catch (InterruptedException e) {
                return;
              }
            }
          });
    }
  }

  void stop() throws InterruptedException {
    running = false;
    clients.shutdown();
    if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
      clients.shutdownNow();
    }
  }

  /**
   * Places one checkout of {@code product} in the current window as soon as orders' copy of the
   * catalogue knows the product (until then orders answers 422), and records it.
   */
  void placeOnceKnown(UUID product) {
    org.awaitility.Awaitility.await("orders learns about " + product)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              Attempt attempt =
                  send(window.get(), UUID.randomUUID().toString(), product, 1, "tok_visa");
              if (attempt.accepted()) {
                record(attempt);
              }
              return attempt.accepted();
            });
  }

  List<Attempt> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  private void record(Attempt attempt) {
    synchronized (attempts) {
      attempts.add(attempt);
    }
  }

  /** Checkout number {@code n}: its card, product and quantity follow from n alone. */
  private Attempt checkout(int n) {
    String card =
        n % 5 == 4 ? DECLINED_CARDS.get((n / 5) % DECLINED_CARDS.size()) : VALID_CARDS.get(n % 2);
    boolean wantsScarce = n % 4 == 1;
    UUID product = wantsScarce ? scarceNow() : plentiful;
    int quantity = !wantsScarce && n % 3 == 2 ? 2 : 1;
    return send(window.get(), UUID.randomUUID().toString(), product, quantity, card);
  }

  private Attempt send(int window, String key, UUID product, int quantity, String card) {
    Instant sent = Instant.now();
    try {
      HttpResponse<String> answer = shop.place(key, product, quantity, card);
      return new Attempt(
          window,
          key,
          product,
          quantity,
          card,
          sent,
          answer.statusCode(),
          answer.headers().firstValue("Retry-After").isPresent(),
          answer.statusCode() == 202 ? Shop.id(answer) : null,
          answer.statusCode() == 202 ? null : answer.body());
    } catch (IOException noAnswer) {
      return new Attempt(
          window, key, product, quantity, card, sent, -1, false, null, noAnswer.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(window, key, product, quantity, card, sent, -1, false, null, e.toString());
    } catch (Exception | AssertionError noToken) {
      // identity could not give a first token: the client could not even ask
      return new Attempt(
          window, key, product, quantity, card, sent, -1, false, null, noToken.toString());
    }
  }
}
