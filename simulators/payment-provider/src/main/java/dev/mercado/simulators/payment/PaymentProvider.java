package dev.mercado.simulators.payment;

import dev.mercado.simulators.kit.FaultSwitches;
import dev.mercado.simulators.kit.HttpListener;
import dev.mercado.simulators.kit.PortOptions;
import dev.mercado.simulators.kit.ProblemTypes;
import dev.mercado.simulators.kit.Simulator;
import dev.mercado.simulators.kit.SimulatorProcess;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * A simulated card payment provider, run as its own OS process: {@code java -Xmx64m -cp
 * 'payment-provider.jar:lib/*' dev.mercado.simulators.payment.PaymentProvider --port <n>
 * --admin-port <m>}.
 *
 * <p>The API port ({@code --port}) serves {@code POST /v1/authorizations}, {@code POST
 * /v1/authorizations/{id}/capture}, {@code POST /v1/authorizations/{id}/refund}, {@code GET
 * /v1/ledger?reference=} and {@code GET /health}. The admin port ({@code --admin-port}) serves
 * {@code GET|PUT|DELETE /faults}, {@code GET /ledger?reference=}, {@code POST /ledger/reset} and
 * {@code GET /health}. Both listen on 127.0.0.1 only and answer JSON; every error is an RFC 9457
 * problem detail ({@code application/problem+json}) without a stack trace.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Idempotent: authorize, capture and refund require an {@code Idempotency-Key}. A repeat of
 *       the same method, path and body with that key gets the first reply again, status and body,
 *       with {@code Idempotent-Replayed: true}, and changes nothing; concurrent repeats wait for
 *       the first. The same key with another path or body gets 422.
 *   <li>Thread-safe: requests are handled concurrently (up to 64 at a time on the API port, more
 *       wait); the ledger and the idempotency records change atomically.
 *   <li>In memory only: the ledger, the idempotency records and the faults start empty and are lost
 *       when the process stops; nothing expires, {@code POST /ledger/reset} forgets the ledger and
 *       the records. Each request with an {@code Idempotency-Key} keeps its reply, about 1.5 KB of
 *       heap in all, so {@code -Xmx64m} holds some 30 000 of them: reset between test runs.
 *   <li>Faults ({@code PUT /faults}) touch {@code /v1} on the API port only: {@code latencyMs} plus
 *       up to {@code latencyJitterMs} delays each response after the work is done, {@code
 *       failureRate} answers that share of calls 500 before doing anything, {@code down} closes the
 *       API port (connections refused) until it is set back to false. The admin port always
 *       answers.
 * </ul>
 *
 * <p>Failure behaviour of the process ({@link SimulatorProcess}): bad arguments exit with status 2
 * and a usage line on stderr; a port in use exits with status 1 and a one-line reason on stderr.
 * Once {@code payment provider ready on 127.0.0.1:<port> (admin 127.0.0.1:<admin-port>)} is
 * printed, SIGTERM closes both ports and the JVM exits with the signal's status (143).
 */
public final class PaymentProvider implements Simulator {

  static final String NAME = "payment provider";
  static final ProblemTypes PROBLEMS = new ProblemTypes("urn:mercado:payment-provider:problem:");

  private static final SimulatorProcess PROCESS =
      new SimulatorProcess(NAME, PaymentProvider.class, PortOptions.of("--port", "--admin-port"));
  private static final int API_THREADS = 64;
  private static final int ADMIN_THREADS = 2;
  private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(30);

  private final ExecutorService apiThreads = HttpListener.threads("payment-api", API_THREADS);
  // apart from the API's threads, so that faults can be switched off while latency holds them all
  private final ExecutorService adminThreads = HttpListener.threads("payment-admin", ADMIN_THREADS);
  private final HttpListener api;
  private final HttpListener admin;

  private PaymentProvider(int apiPort, int adminPort, Clock clock) {
    Ledger ledger = new Ledger(clock);
    IdempotencyRecords idempotency = new IdempotencyRecords(IN_FLIGHT_TIMEOUT);
    FaultSwitches<Faults> faults = new FaultSwitches<>(NAME, PROBLEMS, "API", Faults.NONE);
    api =
        new HttpListener(
            "API", apiPort, new PaymentApi(ledger, idempotency, faults::current), apiThreads);
    admin =
        new HttpListener(
            "admin", adminPort, new AdminApi(faults, api, ledger, idempotency), adminThreads);
  }

  /**
   * Starts a provider in this JVM with an empty ledger and no faults; both ports listen when it
   * returns.
   *
   * @param apiPort the API port, or 0 for a free one (kept when the API goes down and up again)
   * @param adminPort the admin port, or 0 for a free one
   * @throws java.net.BindException naming the port if a port is in use; nothing is left open
   */
  public static PaymentProvider start(int apiPort, int adminPort) throws IOException {
    PaymentProvider provider = new PaymentProvider(apiPort, adminPort, Clock.systemUTC());
    try {
      provider.api.open();
      provider.admin.open();
    } catch (IOException | RuntimeException e) {
      provider.close();
      throw e;
    }
    return provider;
  }

  /** The port of the API, also while the API is down. */
  public int apiPort() {
    return api.port();
  }

  /** The port of the admin API. */
  public int adminPort() {
    return admin.port();
  }

  /** {@code 127.0.0.1:<port> (admin 127.0.0.1:<admin-port>)}. */
  @Override
  public String listensOn() {
    return Simulator.address(apiPort()) + " (admin " + Simulator.address(adminPort()) + ")";
  }

  /** Closes both ports at once, dropping requests in progress. Idempotent. */
  @Override
  public void close() {
    admin.close();
    api.close();
    apiThreads.shutdownNow();
    adminThreads.shutdownNow();
  }

  /**
   * Starts the provider, prints the ready line and blocks until SIGTERM. On bad arguments or a port
   * in use it does not return: it exits the JVM with the status described above.
   *
   * @param args {@code --port <n> --admin-port <m>}, both required and different
   */
  public static void main(String[] args) {
    PROCESS.run(args, ports -> start(ports[0], ports[1]));
  }
}
