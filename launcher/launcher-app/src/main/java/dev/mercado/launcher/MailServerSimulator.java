package dev.mercado.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * The SMTP server customers' e-mails go to ({@code simulators/mail-server}, on GreenMail) as its
 * own process: SMTP on {@code smtpPort}; on {@code apiPort} the mailbox ({@code /messages}) and the
 * fault switch ({@code /faults}).
 */
public final class MailServerSimulator extends OsProcess {

  private final int smtpPort;
  private final int apiPort;

  /**
   * @param repository the repository root (holds {@code simulators/mail-server/target})
   * @param logFile where its standard output goes
   * @param smtpPort the SMTP port on 127.0.0.1
   * @param apiPort the mailbox and fault-switch port on 127.0.0.1
   */
  public MailServerSimulator(Path repository, Path logFile, int smtpPort, int apiPort) {
    super(
        "mail",
        "simulator",
        "http://127.0.0.1:" + apiPort + "/messages",
        "http://127.0.0.1:" + apiPort + "/health",
        SimulatorCommand.of(
            repository,
            "mail-server",
            "dev.mercado.simulators.mail.MailServer",
            "--smtp-port",
            Integer.toString(smtpPort),
            "--api-port",
            Integer.toString(apiPort)),
        Map.of(),
        logFile,
        Map::of);
    this.smtpPort = smtpPort;
    this.apiPort = apiPort;
  }

  /** Where the notifications service sends e-mail. */
  public int smtpPort() {
    return smtpPort;
  }

  /** The mailbox ({@code /messages}) and the fault switch ({@code /faults}). */
  public String apiUrl() {
    return "http://127.0.0.1:" + apiPort;
  }
}
