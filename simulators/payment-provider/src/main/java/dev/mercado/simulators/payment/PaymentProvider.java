package dev.mercado.simulators.payment;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>Failure behaviour of the process: bad arguments exit with status 2 and a usage line on stderr;
 * a port in use exits with status 1 and a one-line reason on stderr. Once {@code payment provider
 * ready on 127.0.0.1:<port> (admin 127.0.0.1:<admin-port>)} is printed, SIGTERM closes both ports
 * and the JVM exits with the signal's status (143).
 */
public final class PaymentProvider implements AutoCloseable {

  /** The only interface both ports listen on. */
  public static final String BIND_ADDRESS = "127.0.0.1";

  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private static final String USAGE =
      "usage: java -cp 'payment-provider.jar:lib/*' "
          + PaymentProvider.class.getName()
          + " --port <1-65535> --admin-port <1-65535>";
  private static final int API_THREADS = 64;
  private static final int ADMIN_THREADS = 2;
  private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(30);

  private final ExecutorService apiThreads = threads("payment-api", API_THREADS);
  // apart from the API's threads, so that faults can be switched off while latency holds them all
  private final ExecutorService adminThreads = threads("payment-admin", ADMIN_THREADS);
  private final Listener api;
  private final Listener admin;

  private PaymentProvider(int apiPort, int adminPort, Clock clock) {
    Ledger ledger = new Ledger(clock);
    IdempotencyRecords idempotency = new IdempotencyRecords(IN_FLIGHT_TIMEOUT);
    AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
    api =
        new Listener("API", apiPort, new PaymentApi(ledger, idempotency, faults::get), apiThreads);
    admin =
        new Listener(
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
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("PaymentProvider: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    PaymentProvider provider;
    try {
      provider = start(options.port(), options.adminPort());
    } catch (IOException e) {
      System.err.println("payment provider failed to start: " + e.getMessage());
      System.exit(EXIT_FAILURE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  provider.close();
                  System.out.println("payment provider stopped");
                  stopped.countDown();
                },
                "payment-provider-shutdown"));
    System.out.println(
        "payment provider ready on "
            + BIND_ADDRESS
            + ":"
            + provider.apiPort()
            + " (admin "
            + BIND_ADDRESS
            + ":"
            + provider.adminPort()
            + ")");
    System.out.flush();
    awaitUninterruptibly(stopped);
  }

  /**
   * A pool that reuses an idle thread before it starts another, up to {@code max}; beyond that
   * requests wait in a queue. Idle threads end after 30 s, so a quiet simulator keeps few threads.
   */
  private static ExecutorService threads(String name, int max) {
    AtomicInteger count = new AtomicInteger();
    HandOffQueue queue = new HandOffQueue();
    return new ThreadPoolExecutor(
        0,
        max,
        30,
        TimeUnit.SECONDS,
        queue,
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        (task, pool) -> {
          if (!pool.isShutdown()) {
            queue.enqueue(task);
          }
        });
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Accepts a task only if an idle thread takes it at once, so that the pool starts a new thread
   * rather than queue while it is below its maximum; at the maximum the rejection handler queues.
   */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }

  record Options(int port, int adminPort) {

    static Options parse(String[] args) {
      Integer port = null;
      Integer adminPort = null;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (!name.equals("--port") && !name.equals("--admin-port")) {
          throw new IllegalArgumentException("unknown argument '" + name + "'");
        }
        if (i + 1 >= args.length || args[i + 1].isBlank()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        int value = parsePort(name, args[++i]);
        if (name.equals("--port")) {
          port = value;
        } else {
          adminPort = value;
        }
      }
      if (port == null) {
        throw new IllegalArgumentException("--port is required");
      }
      if (adminPort == null) {
        throw new IllegalArgumentException("--admin-port is required");
      }
      if (port.equals(adminPort)) {
        throw new IllegalArgumentException("--port and --admin-port must differ");
      }
      return new Options(port, adminPort);
    }

    private static int parsePort(String name, String value) {
      int port;
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(name + " must be within 1-65535, not " + port);
      }
      return port;
    }
  }
}
