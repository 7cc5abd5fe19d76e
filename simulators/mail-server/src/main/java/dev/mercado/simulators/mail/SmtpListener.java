package dev.mercado.simulators.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mercado.simulators.kit.Simulator;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP listener on one loopback port, accepting any sender and any recipient without
 * authentication, that can be closed and opened again on the same port, the way the mail server
 * goes down and comes back. Each accepted message goes to the {@link Inbox} once, whatever the
 * number of recipients, and to one line on stdout. Thread-safe.
 */
final class SmtpListener {

  private final Inbox inbox;
  private final Clock clock;
  private int port;
  private GreenMail server;
  private Blackhole blackhole;

  /**
   * @param port the port to listen on; 0 picks a free one on the first {@link #open()} and keeps it
   */
  SmtpListener(int port, Inbox inbox, Clock clock) {
    this.port = port;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * Starts listening; does nothing if it already listens.
   *
   * @throws BindException naming the port and the reason if it cannot listen, typically because
   *     another process holds it
   */
  synchronized void open() throws IOException {
    if (server != null) {
      return;
    }
    closeBlackhole();
    if (port != 0) {
      ensureFree();
    }
    // a GreenMail's SMTP thread cannot start twice: every opening gets a new instance
    GreenMail created =
        new GreenMail(new ServerSetup(port, Simulator.BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    // before start, not only in the configuration GreenMail applies after its port listens
    created.getUserManager().setAuthRequired(false);
    created.getUserManager().setMessageDeliveryHandler(this::deliver);
    try {
      created.start();
    } catch (RuntimeException e) {
      created.stop();
      throw unavailable(e.getMessage(), e);
    }
    port = created.getSmtp().getPort();
    server = created;
  }

  /**
   * Stops listening at once: the port refuses connections and open SMTP sessions are closed; a
   * message whose {@code DATA} was not complete is lost, as with a real outage. Does nothing if it
   * does not listen.
   */
  synchronized void close() {
    closeBlackhole();
    if (server == null) {
      return;
    }
    server.stop();
    server = null;
  }

  /**
   * Replaces the SMTP server by a listener that accepts connections and never says a word, until
   * {@link #open()} or {@link #close()}; the connections it holds are then closed. Does nothing if
   * it already stalls.
   */
  synchronized void stall() throws IOException {
    if (blackhole != null) {
      return;
    }
    if (server != null) {
      server.stop();
      server = null;
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    try {
      socket.bind(new InetSocketAddress(Simulator.BIND_ADDRESS, port));
    } catch (IOException e) {
      socket.close();
      throw unavailable(e.getMessage(), e);
    }
    blackhole = new Blackhole(socket);
    blackhole.start();
  }

  private void closeBlackhole() {
    if (blackhole != null) {
      blackhole.close();
      blackhole = null;
    }
  }

  /**
   * Fails fast with the reason when the port is taken: GreenMail would log stack traces and wait
   * for its start-up timeout before it reports the port.
   */
  private void ensureFree() throws BindException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(Simulator.BIND_ADDRESS, port));
    } catch (IOException e) {
      throw unavailable(e.getMessage(), e);
    }
  }

  private BindException unavailable(String reason, Exception cause) {
    BindException named =
        new BindException(
            "SMTP port "
                + port
                + " on "
                + Simulator.BIND_ADDRESS
                + " cannot listen ("
                + reason
                + ")");
    named.initCause(cause);
    return named;
  }

  synchronized boolean isOpen() {
    return server != null;
  }

  /** How many connections the stalled port holds without a word (0 unless stalled). */
  synchronized int stalledConnections() {
    return blackhole == null ? 0 : blackhole.held.size();
  }

  /** Accepts connections and holds them, silent, until closed. */
  private static final class Blackhole extends Thread {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    Blackhole(ServerSocket socket) {
      super("smtp-stall");
      setDaemon(true);
      this.socket = socket;
    }

    @Override
    public void run() {
      while (!socket.isClosed()) {
        try {
          held.add(socket.accept());
        } catch (IOException e) {
          return;
        }
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      for (Socket connection : held) {
        try {
          connection.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
      held.clear();
      try {
        join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  synchronized int port() {
    return port;
  }

  /**
   * Called by GreenMail once per recipient of each message, one message at a time. Returns a user
   * that discards the message: the inbox is the one store, so GreenMail's mailboxes stay empty.
   */
  private GreenMailUser deliver(MovingMessage message, MailAddress recipient)
      throws MessagingException {
    if (recipient.equals(message.getToAddresses().iterator().next())) {
      record(message);
    }
    return Discard.USER;
  }

  private void record(MovingMessage moving) throws MessagingException {
    MimeMessage mime = moving.getMessage();
    List<String> recipients = moving.getToAddresses().stream().map(MailAddress::getEmail).toList();
    String sender = moving.getReturnPath() == null ? null : moving.getReturnPath().getEmail();
    ReceivedMessage message;
    try {
      message = ReceivedMessage.of(mime, recipients, sender, clock.instant());
    } catch (MessagingException | RuntimeException e) {
      // GreenMail answers 451 instead of 250, so the sender knows it was not accepted
      System.err.println("mail server: rejected an unreadable message: " + e);
      throw e;
    }
    inbox.add(message);
    System.out.println(
        message.receivedAt()
            + " mail received message-id="
            + message.messageId()
            + " to="
            + String.join(",", message.to())
            + " subject=\""
            + oneLine(message.subject())
            + "\"");
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
  }

  /** A mailbox that keeps nothing; GreenMail delivers every message of this listener to it. */
  private enum Discard implements GreenMailUser {
    USER;

    @Override
    public String getEmail() {
      return "discard@localhost";
    }

    @Override
    public String getLogin() {
      return getEmail();
    }

    @Override
    public void deliver(MovingMessage message) {
      // kept in the inbox already
    }

    @Override
    public void deliver(MimeMessage message) {
      // kept in the inbox already
    }

    @Override
    public void create() {}

    @Override
    public void delete() {}

    @Override
    public String getPassword() {
      return null;
    }

    @Override
    public void setPassword(String password) {
      throw new UnsupportedOperationException("the discarding mailbox has no password");
    }

    @Override
    public void authenticate(String password) {
      throw new UnsupportedOperationException("the discarding mailbox cannot log in");
    }

    @Override
    public String getQualifiedMailboxName() {
      return getEmail();
    }
  }
}
