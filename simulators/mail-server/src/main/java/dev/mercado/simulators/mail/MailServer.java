package dev.mercado.simulators.mail;

import dev.mercado.simulators.kit.HttpListener;
import dev.mercado.simulators.kit.PortOptions;
import dev.mercado.simulators.kit.ProblemTypes;
import dev.mercado.simulators.kit.Simulator;
import dev.mercado.simulators.kit.SimulatorProcess;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

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
 *       stops. At most 2 000 messages are kept, the oldest dropped first, each with at most 4 096
 *       characters of text, so that {@code -Xmx64m} holds them; {@code DELETE /messages} empties
 *       the inbox.
 *   <li>Faults ({@code PUT /faults}) touch the SMTP port only: {@code down} closes it (connections
 *       refused, open sessions cut) until it is set back to false, which opens it again on the same
 *       port. Messages received before the outage stay listed. The API port always answers.
 * </ul>
 *
 * <p>Failure behaviour of the process ({@link SimulatorProcess}): bad arguments exit with status 2
 * and a usage line on stderr; a port in use exits with status 1 and a one-line reason on stderr.
 * Once {@code mail server ready on 127.0.0.1:<smtp-port> (api 127.0.0.1:<api-port>)} is printed,
 * SIGTERM closes both ports and the JVM exits with the signal's status (143).
 */
public final class MailServer implements Simulator {

  static final String NAME = "mail server";
  static final ProblemTypes PROBLEMS = new ProblemTypes("urn:mercado:mail-server:problem:");

  private static final SimulatorProcess PROCESS =
      new SimulatorProcess(NAME, MailServer.class, PortOptions.of("--smtp-port", "--api-port"));
  private static final int API_THREADS = 4;

  private final SmtpListener smtp;
  private final HttpListener api;
  private final ExecutorService apiThreads;

  private MailServer(SmtpListener smtp, HttpListener api, ExecutorService apiThreads) {
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
    ExecutorService apiThreads = HttpListener.threads("mail-api", API_THREADS);
    HttpListener api = new HttpListener("API", apiPort, new MailApi(inbox, smtp), apiThreads);
    try {
      smtp.open();
      api.open();
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

  /** {@code 127.0.0.1:<smtp-port> (api 127.0.0.1:<api-port>)}. */
  @Override
  public String listensOn() {
    return Simulator.address(smtpPort()) + " (api " + Simulator.address(apiPort()) + ")";
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
    PROCESS.run(args, ports -> start(ports[0], ports[1]));
  }
}
