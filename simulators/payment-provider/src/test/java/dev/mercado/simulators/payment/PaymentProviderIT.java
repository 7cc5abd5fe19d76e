package dev.mercado.simulators.payment;

import static dev.mercado.simulators.testkit.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.mercado.simulators.kit.ProblemTypes;
import dev.mercado.simulators.kit.SimulatorProcess;
import dev.mercado.simulators.testkit.FreePorts;
import dev.mercado.simulators.testkit.SimulatorHttp;
import dev.mercado.simulators.testkit.SimulatorJvm;
import dev.mercado.simulators.testkit.SimulatorJvm.Exit;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PaymentProviderIT {

  // spelled out, not taken from the main code: clients depend on these types
  private static final ProblemTypes PROBLEMS =
      new ProblemTypes("urn:mercado:payment-provider:problem:");
  private static final SimulatorJvm JVM =
      new SimulatorJvm(PaymentProvider.class, Path.of("target", "payment-provider-it"));
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static int apiPort;
  private static int adminPort;
  private static SimulatorJvm.Running provider;
  private static SimulatorHttp http;

  @BeforeAll
  static void startProvider() {
    int[] ports = FreePorts.take(2);
    apiPort = ports[0];
    adminPort = ports[1];
    provider = start(ports);
    http = new SimulatorHttp();
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.stop();
    }
  }

  @BeforeEach
  void resetProvider() {
    assertThat(admin("DELETE", "/faults", null).statusCode()).isEqualTo(200);
    assertThat(admin("POST", "/ledger/reset", null).statusCode()).isEqualTo(204);
  }

  @Test
  void answersHealthOnBothPorts() {
    HttpResponse<String> api = http.send("GET", api("/health"), null);
    HttpResponse<String> admin = admin("GET", "/health", null);

    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(json(api).path("status").asString()).isEqualTo("UP");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(json(admin).path("api").asString()).isEqualTo("UP");
  }

  @ParameterizedTest
  @CsvSource({"tok_visa", "tok_mastercard"})
  void authorizesAnApprovingCard(String cardToken) {
    // when
    HttpResponse<String> response = authorize(newKey(), cardToken, "12.50", "order-1");

    // then
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(body.path("id").asString()).startsWith("auth_");
    assertThat(body.path("status").asString()).isEqualTo("AUTHORIZED");
    assertThat(body.path("amount").asString()).isEqualTo("12.50");
    assertThat(body.path("currency").asString()).isEqualTo("EUR");
    assertThat(body.path("reference").asString()).isEqualTo("order-1");
    assertThat(body.path("createdAt").asString()).isNotBlank();
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/v1/authorizations/" + body.path("id").asString());
    assertThat(response.headers().firstValue(PaymentApi.IDEMPOTENT_REPLAYED)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "tok_insufficient_funds, insufficient_funds",
    "tok_declined, card_declined",
    "tok_expired, expired_card"
  })
  void declinesADecliningCardAndRecordsTheDecline(String cardToken, String declineCode) {
    // when
    HttpResponse<String> response = authorize(newKey(), cardToken, "12.50", "order-1");

    // then
    assertProblem(response, 402);
    assertThat(json(response).path("declineCode").asString()).isEqualTo(declineCode);
    JsonNode ledger = ledger("order-1");
    assertThat(ledger.path("counts").path("declined").asInt()).isEqualTo(1);
    assertThat(ledger.path("counts").path("authorized").asInt()).isZero();
    assertThat(ledger.path("authorizations").get(0).path("status").asString())
        .isEqualTo("DECLINED");
    assertThat(ledger.path("authorizations").get(0).path("declineCode").asString())
        .isEqualTo(declineCode);
  }

  @Test
  void capturesAndThenRefundsAnAuthorization() {
    // given
    String id = authorizedId("order-1");

    // when
    HttpResponse<String> captured = post("/v1/authorizations/" + id + "/capture", newKey(), "");
    HttpResponse<String> refunded = post("/v1/authorizations/" + id + "/refund", newKey(), "");

    // then
    assertThat(captured.statusCode()).isEqualTo(200);
    assertThat(json(captured).path("status").asString()).isEqualTo("CAPTURED");
    assertThat(json(captured).path("id").asString()).isEqualTo(id);
    assertThat(refunded.statusCode()).isEqualTo(200);
    assertThat(json(refunded).path("status").asString()).isEqualTo("REFUNDED");
    assertThat(counts("order-1")).isEqualTo(counts(1, 1, 1, 0));
  }

  @Test
  void voidsAnAuthorizationThatWasNotCaptured() {
    // given
    String id = authorizedId("order-1");

    // when
    HttpResponse<String> voided = post("/v1/authorizations/" + id + "/refund", newKey(), "");

    // then
    assertThat(voided.statusCode()).isEqualTo(200);
    assertThat(json(voided).path("status").asString()).isEqualTo("REFUNDED");
    assertThat(counts("order-1")).isEqualTo(counts(1, 0, 1, 0));
  }

  @Test
  void refusesToCaptureARefundedAuthorization() {
    // given
    String id = authorizedId("order-1");
    post("/v1/authorizations/" + id + "/refund", newKey(), "");

    // when
    HttpResponse<String> capture = post("/v1/authorizations/" + id + "/capture", newKey(), "");

    // then
    assertProblem(capture, 409);
    assertThat(json(capture).path("detail").asString()).contains("REFUNDED");
  }

  @Test
  void answers404ForAnUnknownAuthorization() {
    assertProblem(post("/v1/authorizations/auth_nope/capture", newKey(), ""), 404);
    assertProblem(post("/v1/authorizations/auth_nope/refund", newKey(), ""), 404);
  }

  @Test
  void replaysTheStoredResponseAndChargesOnce() {
    // given
    String key = newKey();
    HttpResponse<String> first = authorize(key, "tok_visa", "30.00", "order-2");

    // when
    HttpResponse<String> retry = authorize(key, "tok_visa", "30.00", "order-2");

    // then
    assertThat(retry.statusCode()).isEqualTo(first.statusCode()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers().firstValue(PaymentApi.IDEMPOTENT_REPLAYED)).hasValue("true");
    JsonNode ledger = ledger("order-2");
    assertThat(ledger.path("authorizations").size()).isEqualTo(1);
    assertThat(ledger.path("counts").path("authorized").asInt()).isEqualTo(1);
  }

  @Test
  void replaysADeclineWithoutRecordingItTwice() {
    // given
    String key = newKey();
    HttpResponse<String> first = authorize(key, "tok_declined", "30.00", "order-2");

    // when
    HttpResponse<String> retry = authorize(key, "tok_declined", "30.00", "order-2");

    // then
    assertThat(retry.statusCode()).isEqualTo(402);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers().firstValue(PaymentApi.IDEMPOTENT_REPLAYED)).hasValue("true");
    assertThat(counts("order-2")).isEqualTo(counts(0, 0, 0, 1));
  }

  @Test
  void replaysACaptureEvenAfterTheAuthorizationMovedOn() {
    // given
    String id = authorizedId("order-3");
    String captureKey = newKey();
    HttpResponse<String> capture = post("/v1/authorizations/" + id + "/capture", captureKey, "");
    post("/v1/authorizations/" + id + "/refund", newKey(), "");

    // when
    HttpResponse<String> retry = post("/v1/authorizations/" + id + "/capture", captureKey, "");

    // then: the stored 200 CAPTURED, not a 409 for the refunded authorization
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(capture.body());
    assertThat(counts("order-3")).isEqualTo(counts(1, 1, 1, 0));
  }

  @Test
  void rejectsTheSameKeyWithAnotherBody() {
    // given
    String key = newKey();
    authorize(key, "tok_visa", "10.00", "order-4");

    // when
    HttpResponse<String> reused = authorize(key, "tok_visa", "11.00", "order-4");

    // then
    assertProblem(reused, 422);
    assertThat(json(reused).path("type").asString()).endsWith(":idempotency-key-reused");
    assertThat(counts("order-4")).isEqualTo(counts(1, 0, 0, 0));
  }

  @Test
  void rejectsTheSameKeyOnAnotherPath() {
    // given
    String key = newKey();
    String id = authorizedId("order-5");
    post("/v1/authorizations/" + id + "/capture", key, "");

    // when
    HttpResponse<String> reused = post("/v1/authorizations/" + id + "/refund", key, "");

    // then
    assertProblem(reused, 422);
    assertThat(counts("order-5")).isEqualTo(counts(1, 1, 0, 0));
  }

  @Test
  void createsExactlyOneAuthorizationForConcurrentRequestsWithOneKey() throws Exception {
    // given
    int requests = 20;
    String key = newKey();
    ExecutorService clients = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    try {
      // when
      for (int i = 0; i < requests; i++) {
        responses.add(
            clients.submit(
                () -> {
                  start.await();
                  return authorize(key, "tok_visa", "99.99", "order-6");
                }));
      }
      start.countDown();

      // then
      List<HttpResponse<String>> results = new ArrayList<>();
      for (Future<HttpResponse<String>> response : responses) {
        results.add(response.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      }
      assertThat(results).extracting(HttpResponse::statusCode).containsOnly(201);
      assertThat(results).extracting(HttpResponse::body).containsOnly(results.get(0).body());
      assertThat(results)
          .filteredOn(r -> r.headers().firstValue(PaymentApi.IDEMPOTENT_REPLAYED).isPresent())
          .hasSize(requests - 1);
      JsonNode ledger = ledger("order-6");
      assertThat(ledger.path("authorizations").size()).isEqualTo(1);
      assertThat(ledger.path("counts").path("authorized").asInt()).isEqualTo(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void failsEveryCallWithoutTouchingTheLedgerAtFailureRateOne() {
    // given
    String key = newKey();
    assertThat(admin("PUT", "/faults", "{\"failureRate\":1.0}").statusCode()).isEqualTo(200);

    // when
    HttpResponse<String> failed = authorize(key, "tok_visa", "5.00", "order-7");

    // then
    assertProblem(failed, 500);
    JsonNode untouched = json(admin("GET", "/ledger?reference=order-7", null));
    assertThat(untouched.path("authorizations").size()).isZero();
    assertProblem(http.send("GET", api("/v1/ledger"), null), 500);

    // and: nothing was stored under the key, so the retry is the first real request
    admin("DELETE", "/faults", null);
    HttpResponse<String> retry = authorize(key, "tok_visa", "5.00", "order-7");
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue(PaymentApi.IDEMPOTENT_REPLAYED)).isEmpty();
    assertThat(counts("order-7")).isEqualTo(counts(1, 0, 0, 0));
  }

  @Test
  void delaysEveryApiResponseByTheLatency() {
    // given
    HttpResponse<String> faults =
        admin("PUT", "/faults", "{\"latencyMs\":600,\"latencyJitterMs\":200}");
    assertThat(json(faults).path("latencyMs").asInt()).isEqualTo(600);

    // when
    long started = System.nanoTime();
    HttpResponse<String> response = authorize(newKey(), "tok_visa", "1.00", "order-8");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // then
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofSeconds(10));
    long adminStarted = System.nanoTime();
    admin("GET", "/faults", null);
    assertThat(Duration.ofNanos(System.nanoTime() - adminStarted))
        .isLessThan(Duration.ofMillis(600));
  }

  @Test
  void refusesConnectionsWhileDownAndComesBackOnTheSamePort() {
    // given
    String id = authorizedId("order-9");

    // when
    HttpResponse<String> down = admin("PUT", "/faults", "{\"down\":true}");

    // then
    assertThat(json(down).path("down").asBoolean()).isTrue();
    assertThat(json(admin("GET", "/health", null)).path("api").asString()).isEqualTo("DOWN");
    Throwable refused =
        catchThrowable(() -> new SimulatorHttp().sendOrThrow("GET", api("/health"), null));
    assertThat(refused).isInstanceOf(ConnectException.class);

    // when
    admin("PUT", "/faults", "{\"down\":false}");

    // then: the same port, and the ledger survived the outage
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        new SimulatorHttp().sendOrThrow("GET", api("/health"), null).statusCode())
                    .isEqualTo(200));
    assertThat(json(admin("GET", "/health", null)).path("api").asString()).isEqualTo("UP");
    assertThat(ledger("order-9").path("authorizations").get(0).path("id").asString()).isEqualTo(id);
  }

  @Test
  void answersBadInputWithProblemDetails() {
    String valid =
        "{\"cardToken\":\"tok_visa\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"reference\":\"o\"}";

    HttpResponse<String> noKey = post("/v1/authorizations", null, valid);
    assertProblem(noKey, 400);
    assertThat(json(noKey).path("detail").asString()).contains("Idempotency-Key");

    HttpResponse<String> badAmount = authorize(newKey(), "tok_visa", "1.234", "o");
    assertProblem(badAmount, 400);
    assertThat(json(badAmount).path("detail").asString()).contains("amount");
    assertThat(json(badAmount).path("invalidParams").get(0).path("name").asString())
        .isEqualTo("amount");

    HttpResponse<String> badCurrency =
        post(
            "/v1/authorizations",
            newKey(),
            "{\"cardToken\":\"tok_visa\",\"amount\":\"1.00\","
                + "\"currency\":\"XYZ\",\"reference\":\"o\"}");
    assertProblem(badCurrency, 400);
    assertThat(json(badCurrency).path("detail").asString()).contains("currency");

    HttpResponse<String> blankReference = authorize(newKey(), "tok_visa", "1.00", " ");
    assertProblem(blankReference, 400);
    assertThat(json(blankReference).path("detail").asString()).contains("reference");

    assertProblem(authorize(newKey(), "tok_unknown", "1.00", "o"), 422);
    assertProblem(post("/v1/authorizations", newKey(), "{not json"), 400);
    assertProblem(post("/v1/authorizations", newKey(), "[]"), 400);
    assertProblem(http.send("GET", api("/v1/authorizations"), null), 405);
    assertProblem(http.send("GET", api("/v1/nothing-here"), null), 404);
    assertProblem(http.send("GET", api("/v1/ledger?reference="), null), 400);
    assertThat(counts(null)).isEqualTo(counts(0, 0, 0, 0));
  }

  @Test
  void validatesFaultsAndReportsTheCurrentState() {
    // when
    HttpResponse<String> tooSlow = admin("PUT", "/faults", "{\"latencyMs\":60001}");
    HttpResponse<String> badRate = admin("PUT", "/faults", "{\"failureRate\":2}");
    HttpResponse<String> changed = admin("PUT", "/faults", "{\"failureRate\":0.5}");

    // then
    assertProblem(tooSlow, 400);
    assertThat(json(tooSlow).path("field").asString()).isEqualTo("latencyMs");
    assertProblem(badRate, 400);
    assertThat(json(changed).path("failureRate").asDouble()).isEqualTo(0.5);
    JsonNode current = json(admin("GET", "/faults", null));
    assertThat(current.path("failureRate").asDouble()).isEqualTo(0.5);
    assertThat(current.path("latencyMs").asInt()).isZero();
    assertThat(current.path("down").asBoolean()).isFalse();
    JsonNode reset = json(admin("DELETE", "/faults", null));
    assertThat(reset.path("failureRate").asDouble()).isZero();
  }

  @Test
  void exitsWithUsageOnBadArguments() throws Exception {
    JVM.assertExitsWithUsage(List.of("--port", "5999"), "--admin-port is required");
    JVM.assertExitsWithUsage(
        List.of("--port", "nine", "--admin-port", "5998"), "--port must be a number");
    JVM.assertExitsWithUsage(List.of(), "--port is required");
  }

  @Test
  void refusesToStartOnAPortThatIsAlreadyInUse() throws Exception {
    // given
    int freeAdminPort = FreePorts.take(1)[0];

    // when
    Exit second =
        JVM.runUntilExit(
            List.of(
                "--port",
                Integer.toString(apiPort),
                "--admin-port",
                Integer.toString(freeAdminPort)));

    // then
    assertThat(second.status()).isEqualTo(SimulatorProcess.EXIT_FAILURE);
    assertThat(second.output())
        .contains("payment provider failed to start: API port " + apiPort)
        .contains("already in use");
  }

  @Test
  void stopsCleanlyOnSigterm() throws Exception {
    // given
    int[] ports = FreePorts.take(2);
    SimulatorJvm.Running other = start(ports);

    // when
    int exitCode = other.stop();

    // then
    assertThat(exitCode).as("exit status after SIGTERM").isEqualTo(143);
    assertThat(other.output()).contains("payment provider stopped");
    URI health = SimulatorHttp.uri(ports[0], "/health");
    assertThat(catchThrowable(() -> new SimulatorHttp().sendOrThrow("GET", health, null)))
        .isInstanceOf(ConnectException.class);
  }

  /** The provider as a child JVM, started the way the launcher starts it. */
  private static SimulatorJvm.Running start(int[] ports) {
    return JVM.start(
        List.of("--port", Integer.toString(ports[0]), "--admin-port", Integer.toString(ports[1])),
        "payment provider ready on 127.0.0.1:" + ports[0] + " (admin 127.0.0.1:" + ports[1] + ")");
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    SimulatorHttp.assertProblem(response, status, PROBLEMS);
  }

  private static HttpResponse<String> authorize(
      String key, String cardToken, String amount, String reference) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "cardToken",
                cardToken,
                "amount",
                amount,
                "currency",
                "EUR",
                "reference",
                reference));
    return post("/v1/authorizations", key, body);
  }

  private static String authorizedId(String reference) {
    HttpResponse<String> response = authorize(newKey(), "tok_visa", "20.00", reference);
    assertThat(response.statusCode()).isEqualTo(201);
    return json(response).path("id").asString();
  }

  private static HttpResponse<String> post(String path, String key, String body) {
    return http.send("POST", api(path), body, PaymentApi.IDEMPOTENCY_KEY, key);
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    return http.send(method, SimulatorHttp.uri(adminPort, path), body);
  }

  private static URI api(String path) {
    return SimulatorHttp.uri(apiPort, path);
  }

  private static JsonNode ledger(String reference) {
    HttpResponse<String> response =
        http.send(
            "GET",
            api(reference == null ? "/v1/ledger" : "/v1/ledger?reference=" + reference),
            null);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  private static JsonNode counts(String reference) {
    return ledger(reference).path("counts");
  }

  private static JsonNode counts(int authorized, int captured, int refunded, int declined) {
    return JSON.valueToTree(
        Map.of(
            "authorized", authorized,
            "captured", captured,
            "refunded", refunded,
            "declined", declined));
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }
}
