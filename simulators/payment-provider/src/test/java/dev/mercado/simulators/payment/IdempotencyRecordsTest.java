package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.mercado.simulators.kit.ProblemException;
import dev.mercado.simulators.kit.Reply;
import dev.mercado.simulators.payment.IdempotencyRecords.Fingerprint;
import dev.mercado.simulators.payment.IdempotencyRecords.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyRecordsTest {

  private final IdempotencyRecords records = new IdempotencyRecords(Duration.ofSeconds(10));
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void replaysTheFirstReplyWithoutRunningTheOperationAgain() {
    // given
    Fingerprint request =
        Fingerprint.of(
            "POST",
            "/v1/authorizations",
            json("{\"a\":1,\"b\":{\"x\":1,\"y\":[1,{\"p\":1,\"q\":2}]}}"));
    Outcome first = records.execute("key-1", request, this::charge);

    // when: the same body with its properties in another order
    Outcome second =
        records.execute(
            "key-1",
            Fingerprint.of(
                "POST",
                "/v1/authorizations",
                json("{\"b\":{\"y\":[1,{\"q\":2,\"p\":1}], \"x\":1}, \"a\":1}")),
            this::charge);

    // then
    assertThat(first.replayed()).isFalse();
    assertThat(second.replayed()).isTrue();
    assertThat(second.reply()).isSameAs(first.reply());
    assertThat(runs).hasValue(1);
  }

  @Test
  void rejectsTheSameKeyWithAnotherBody() {
    // given
    records.execute(
        "key-1", Fingerprint.of("POST", "/p", json("{\"amount\":\"1.00\"}")), this::charge);

    // when
    ProblemException rejected =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                records.execute(
                    "key-1",
                    Fingerprint.of("POST", "/p", json("{\"amount\":\"2.00\"}")),
                    this::charge));

    // then
    assertThat(rejected.problem().status()).isEqualTo(422);
    assertThat(rejected.problem().type()).endsWith(":idempotency-key-reused");
    assertThat(runs).hasValue(1);
  }

  @Test
  void rejectsTheSameKeyOnAnotherPath() {
    // given
    byte[] empty = new byte[0];
    records.execute(
        "key-1", Fingerprint.of("POST", "/v1/authorizations/a/capture", empty), this::charge);

    // when / then
    assertThatThrownBy(
            () ->
                records.execute(
                    "key-1",
                    Fingerprint.of("POST", "/v1/authorizations/a/refund", empty),
                    this::charge))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("POST /v1/authorizations/a/capture");
  }

  @Test
  void comparesABodyThatIsNotJsonByteForByte() {
    // given
    Fingerprint plain = Fingerprint.of("POST", "/p", "not json".getBytes(StandardCharsets.UTF_8));
    records.execute("key-1", plain, this::charge);

    // when
    Outcome again =
        records.execute(
            "key-1",
            Fingerprint.of("POST", "/p", "not json".getBytes(StandardCharsets.UTF_8)),
            this::charge);

    // then
    assertThat(again.replayed()).isTrue();
  }

  @Test
  void runsTheOperationOnceForConcurrentRequestsWithOneKey() throws Exception {
    // given
    int requests = 20;
    ExecutorService clients = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Outcome>> outcomes = new ArrayList<>();
    try {
      // when
      for (int i = 0; i < requests; i++) {
        outcomes.add(
            clients.submit(
                () -> {
                  start.await();
                  return records.execute(
                      "key-1", Fingerprint.of("POST", "/p", json("{\"a\":1}")), this::charge);
                }));
      }
      start.countDown();

      // then
      List<Outcome> results = new ArrayList<>();
      for (Future<Outcome> outcome : outcomes) {
        results.add(outcome.get(10, TimeUnit.SECONDS));
      }
      assertThat(runs).hasValue(1);
      assertThat(results).filteredOn(Outcome::replayed).hasSize(requests - 1);
      assertThat(results).extracting(Outcome::reply).containsOnly(results.get(0).reply());
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void holdsConcurrentRequestsUntilTheFirstHasItsReply() throws Exception {
    // given: the first request is stuck inside the operation
    int requests = 20;
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ExecutorService clients =
        Executors.newFixedThreadPool(
            requests,
            task -> {
              Thread thread = new Thread(task);
              threads.add(thread);
              return thread;
            });
    Fingerprint request = Fingerprint.of("POST", "/p", json("{\"a\":1}"));
    List<Future<Outcome>> outcomes = new ArrayList<>();
    try {
      outcomes.add(
          clients.submit(
              () ->
                  records.execute(
                      "key-1",
                      request,
                      () -> {
                        entered.countDown();
                        awaitUninterruptibly(release);
                        return charge();
                      })));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i < requests; i++) {
        outcomes.add(clients.submit(() -> records.execute("key-1", request, this::charge)));
      }

      // when: every other request waits for the first one's reply
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  threads.size() == requests
                      && threads.stream()
                              .filter(t -> t.getState() == Thread.State.TIMED_WAITING)
                              .count()
                          == requests - 1);
      release.countDown();

      // then
      List<Outcome> results = new ArrayList<>();
      for (Future<Outcome> outcome : outcomes) {
        results.add(outcome.get(10, TimeUnit.SECONDS));
      }
      assertThat(runs).hasValue(1);
      assertThat(results.get(0).replayed()).isFalse();
      assertThat(results.subList(1, requests))
          .allSatisfy(outcome -> assertThat(outcome.replayed()).isTrue())
          .extracting(Outcome::reply)
          .containsOnly(results.get(0).reply());
    } finally {
      release.countDown();
      clients.shutdownNow();
    }
  }

  @Test
  void answers409WhenTheFirstRequestTakesLongerThanTheInFlightTimeout() throws Exception {
    // given
    IdempotencyRecords impatient = new IdempotencyRecords(Duration.ofMillis(100));
    CountDownLatch release = new CountDownLatch(1);
    Fingerprint request = Fingerprint.of("POST", "/p", json("{\"a\":1}"));
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<Outcome> stuck =
          first.submit(
              () ->
                  impatient.execute(
                      "key-1",
                      request,
                      () -> {
                        awaitUninterruptibly(release);
                        return charge();
                      }));
      await().atMost(Duration.ofSeconds(10)).until(() -> impatient.size() == 1);

      // when
      ProblemException inFlight =
          catchThrowableOfType(
              ProblemException.class, () -> impatient.execute("key-1", request, this::charge));

      // then
      assertThat(inFlight.problem().status()).isEqualTo(409);
      release.countDown();
      assertThat(stuck.get(10, TimeUnit.SECONDS).replayed()).isFalse();
      assertThat(runs).hasValue(1);
    } finally {
      release.countDown();
      first.shutdownNow();
    }
  }

  @Test
  void releasesTheKeyWhenTheOperationFails() {
    // given
    Fingerprint request = Fingerprint.of("POST", "/p", json("{\"a\":1}"));
    assertThatThrownBy(
            () ->
                records.execute(
                    "key-1",
                    request,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);

    // when
    Outcome retry = records.execute("key-1", request, this::charge);

    // then
    assertThat(retry.replayed()).isFalse();
    assertThat(runs).hasValue(1);
  }

  @Test
  void forgetsAllKeysWhenCleared() {
    // given
    Fingerprint request = Fingerprint.of("POST", "/p", json("{\"a\":1}"));
    records.execute("key-1", request, this::charge);

    // when
    records.clear();

    // then
    assertThat(records.size()).isZero();
    assertThat(records.execute("key-1", request, this::charge).replayed()).isFalse();
    assertThat(runs).hasValue(2);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Reply charge() {
    return Reply.json(201, Map.of("charge", runs.incrementAndGet()));
  }
}
