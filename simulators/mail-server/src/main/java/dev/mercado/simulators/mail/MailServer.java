package dev.mercado.simulators.mail;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated SMTP server, run as its own OS process: {@code java -Xmx64m -cp
 * 'mail-server.jar:lib/*' dev.mercado.simulators.mail.MailServer --smtp-port <n> --api-port <m>}.
 *
 * <p>The SMTP port ({@code --smtp-port}, GreenMail) accepts any sender and any recipient without
 * authentication or TLS. The API port ({@code --api-port}) serves {@code GET
 * /messages?to=&header=}, {@code DELETE /messages}, {@code GET|PUT|DELETE /faults} and {@code GET
 * /health}. Both listen on 127.0.0.1 only; the API answers JSON, and every error is an RFC 9457
 * problem detail ({@code application/problem+json}) without a stack trace.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Every message accepted over SMTP is listed once, in arrival order, however many recipients
 *       it has, with one line on stdout: arrival time, {@code Message-ID}, recipients, subject. It
 *       is listed before the SMTP server answers 250 to the end of {@code DATA}, so a sender whose
 *       send returned finds it at once.
 *   <li>Thread-safe: SMTP sessions and API requests are handled concurrently (up to 4 API requests
 *       at a time, more wait).
 *   <li>In memory only: the messages and the faults start empty and are lost when the process
 *       stops. At most 1 000 messages are kept, the oldest dropped first, each with at most 8 192
 *       characters of text, so that {@code -Xmx64m} holds them; {@code DELETE /messages} empties
 *       the inbox.
 *   <li>Faults ({@code PUT /faults}) touch the SMTP port only: {@code down} closes it (connections
 *       refused, open sessions cut) until it is set back to false, which opens it again on the same
 *       port. Messages received before the outage stay listed. The API port always answers.
 * </ul>
 *
 * <p>Failure behaviour of the process: bad arguments exit with status 2 and a usage line on stderr;
 * a port in use exits with status 1 and a one-line reason on stderr. Once {@code mail server ready
 * on 127.0.0.1:<smtp-port> (api 127.0.0.1:<api-port>)} is printed, SIGTERM closes both ports and
 * the JVM exits with the signal's status (143).
 */
public final class MailServer implements AutoCloseable {

  /** The only interface both ports listen on. */
  public static final String BIND_ADDRESS = "127.0.0.1";

  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private static final String USAGE =
      "usage: java -cp 'mail-server.jar:lib/*' "
          + MailServer.class.getName()
          + " --smtp-port <1-65535> --api-port <1-65535>";
  private static final int API_THREADS = 4;

  private final SmtpListener smtp;
  private final HttpListener api;
  private final ThreadPoolExecutor apiThreads;

  private MailServer(SmtpListener smtp, HttpListener api, ThreadPoolExecutor apiThreads) {
    this.smtp = smtp;
    this.api = api;
    this.apiThreads = apiThreads;
  }

  /**
   * Starts a mail server in this JVM with an empty inbox and no faults; both ports listen when it
   * returns.
   *
   * @param smtpPort the SMTP port, or 0 for a free one (kept when SMTP goes down and up again)
   * @param apiPort the API port, or 0 for a free one
   * @throws java.net.BindException naming the port if a port is in use; nothing is left open
   */
  public static MailServer start(int smtpPort, int apiPort) throws IOException {
    Inbox inbox = new Inbox();
    SmtpListener smtp = new SmtpListener(smtpPort, inbox, Clock.systemUTC());
    ThreadPoolExecutor apiThreads = threads("mail-api", API_THREADS);
    try {
      smtp.open();
      HttpListener api = HttpListener.open(apiPort, new MailApi(inbox, smtp), apiThreads);
      return new MailServer(smtp, api, apiThreads);
    } catch (IOException | RuntimeException e) {
      smtp.close();
      apiThreads.shutdownNow();
      throw e;
    }
  }

  /** The SMTP port, also while SMTP is down. */
  public int smtpPort() {
    return smtp.port();
  }

  /** The port of the HTTP API. */
  public int apiPort() {
    return api.port();
  }

  /** Closes both ports at once, cutting SMTP sessions and requests in progress. Idempotent. */
  @Override
  public void close() {
    api.close();
    smtp.close();
    apiThreads.shutdownNow();
  }

  /**
   * Starts the mail server, prints the ready line and blocks until SIGTERM. On bad arguments or a
   * port in use it does not return: it exits the JVM with the status described above.
   *
   * @param args {@code --smtp-port <n> --api-port <m>}, both required and different
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("MailServer: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    MailServer server;
    try {
      server = start(options.smtpPort(), options.apiPort());
    } catch (IOException e) {
      System.err.println("mail server failed to start: " + e.getMessage());
      System.exit(EXIT_FAILURE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  System.out.println("mail server stopped");
                  stopped.countDown();
                },
                "mail-server-shutdown"));
    System.out.println(
        "mail server ready on "
            + BIND_ADDRESS
            + ":"
            + server.smtpPort()
            + " (api "
            + BIND_ADDRESS
            + ":"
            + server.apiPort()
            + ")");
    System.out.flush();
    awaitUninterruptibly(stopped);
  }

  /**
   * Up to {@code max} threads, each ending after 30 s idle, so that a quiet simulator keeps none.
   */
  private static ThreadPoolExecutor threads(String name, int max) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            max,
            max,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
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

  record Options(int smtpPort, int apiPort) {

    static Options parse(String[] args) {
      Integer smtpPort = null;
      Integer apiPort = null;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (!name.equals("--smtp-port") && !name.equals("--api-port")) {
          throw new IllegalArgumentException("unknown argument '" + name + "'");
        }
        if (i + 1 >= args.length || args[i + 1].isBlank()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        int value = parsePort(name, args[++i]);
        if (name.equals("--smtp-port")) {
          smtpPort = value;
        } else {
          apiPort = value;
        }
      }
      if (smtpPort == null) {
        throw new IllegalArgumentException("--smtp-port is required");
      }
      if (apiPort == null) {
        throw new IllegalArgumentException("--api-port is required");
      }
      if (smtpPort.equals(apiPort)) {
        throw new IllegalArgumentException("--smtp-port and --api-port must differ");
      }
      return new Options(smtpPort, apiPort);
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
