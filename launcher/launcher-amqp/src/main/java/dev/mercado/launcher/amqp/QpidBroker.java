package dev.mercado.launcher.amqp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.logging.logback.LogbackLoggingSystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.model.VirtualHostNode;

/**
 * Runs an AMQP 0-9-1 broker (Apache Qpid Broker-J) as its own OS process: {@code java -cp
 * 'launcher-amqp.jar:lib/*' dev.mercado.launcher.amqp.QpidBroker --port <n> --work-dir <dir>}.
 *
 * <p>Guarantees once {@code AMQP broker ready on 127.0.0.1:<port>} is printed to stdout:
 *
 * <ul>
 *   <li>The AMQP port listens on 127.0.0.1 only and speaks AMQP 0-9-1 (what the RabbitMQ Java
 *       client and Spring AMQP use); it accepts SASL PLAIN with {@code guest}/{@code guest} without
 *       TLS.
 *   <li>Virtual host {@code "/"} (the client default) and {@code "default"} both reach the one
 *       virtual host; any other name is refused with 404 NOT_FOUND.
 *   <li>Durable queues, exchanges and bindings (a JSON file) and persistent messages (Berkeley DB
 *       Java Edition; a work dir first made before 2026-12-07 keeps its Apache Derby store) are
 *       stored under the work dir before the broker confirms or acknowledges them, and survive a
 *       restart with the same work dir, also on another port. Transient messages and non-durable
 *       queues do not. All broker state, including the broker configuration ({@code config.json}),
 *       {@code derby.log} and {@code java.io.tmpdir}, lives under the work dir.
 *   <li>An unroutable mandatory message comes back as {@code basic.return}, as on RabbitMQ, instead
 *       of Qpid's default of closing the connection.
 * </ul>
 *
 * <p>Unlike RabbitMQ, the broker rejects RabbitMQ-specific queue arguments ({@code
 * x-dead-letter-exchange}, {@code x-message-ttl}, {@code x-queue-type}) by closing the connection:
 * keep dead-lettering and delayed retry in the application.
 *
 * <p>Failure behaviour: bad arguments exit with status 2 and a usage line on stderr; a port that is
 * already in use, a work dir held by another broker process, or any start-up error of the broker
 * exits with status 1 and a one-line reason on stderr (Qpid's own diagnostics go to stdout).
 * SIGTERM closes the broker cleanly (connections, then the store) through a shutdown hook and the
 * JVM exits with the signal's status (143). If the broker closes on its own the process exits with
 * status 1. Broker logs go to stdout.
 */
public final class QpidBroker {

  /** The only interface the AMQP port listens on. */
  public static final String BIND_ADDRESS = "127.0.0.1";

  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private static final String USAGE =
      "usage: java -cp 'launcher-amqp.jar:lib/*' "
          + QpidBroker.class.getName()
          + " --port <1-65535> --work-dir <dir>";
  private static final String INITIAL_CONFIG = "initial-config.json";

  // held until the JVM exits: two brokers writing one message store would corrupt it
  private static FileLock workDirLock;

  private QpidBroker() {}

  /**
   * Starts the broker, prints the ready line and blocks until the broker is closed, normally by
   * SIGTERM. On failure it does not return: it exits the JVM with the status described above.
   *
   * @param args {@code --port <n> --work-dir <dir>}, both required
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("QpidBroker: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    try {
      run(options);
    } catch (StartupFailure e) {
      System.err.println("AMQP broker failed to start: " + e.getMessage());
      System.exit(EXIT_FAILURE);
    }
  }

  private static void run(Options options) {
    Path workDir = prepareWorkDir(options.workDir());
    workDirLock = lockWorkDir(workDir);
    requirePortFree(options.port());

    BrokerListener listener = new BrokerListener();
    SystemLauncher launcher =
        new SystemLauncher(new LogbackLoggingSystemLauncherListener(), listener);
    // registered before start-up so that SIGTERM during a slow store recovery also closes cleanly
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  listener.stopRequested = true;
                  launcher.shutdown();
                  System.out.println("AMQP broker stopped");
                },
                "amqp-broker-shutdown"));
    try {
      launcher.startup(systemConfigAttributes(options.port(), workDir));
      RuntimeException startupError = listener.startupError.get();
      if (startupError != null) {
        throw new StartupFailure(describe(startupError));
      }
      requireReady(listener.systemConfig.get(), options.port());
    } catch (Exception e) {
      if (listener.stopRequested) {
        throw new StartupFailure("stopped by a signal during start-up");
      }
      launcher.shutdown(EXIT_FAILURE);
      throw e instanceof StartupFailure failure ? failure : new StartupFailure(describe(e));
    }

    System.out.println("AMQP broker ready on " + BIND_ADDRESS + ":" + options.port());
    System.out.flush();

    awaitClose(listener);
    if (!listener.stopRequested) {
      System.err.println("AMQP broker stopped unexpectedly");
      System.exit(EXIT_FAILURE);
    }
  }

  private static Map<String, Object> systemConfigAttributes(int port, Path workDir) {
    URL initialConfig = QpidBroker.class.getResource(INITIAL_CONFIG);
    if (initialConfig == null) {
      throw new StartupFailure(INITIAL_CONFIG + " is missing from the classpath");
    }
    Map<String, String> context = new HashMap<>();
    context.put(SystemConfig.PROPERTY_QPID_WORK, workDir.toString());
    context.put(SystemConfig.QPID_WORK_DIR, workDir.toString());
    // resolved on every start, so a restart may use another port with the same stored config
    context.put("qpid.amqp_port", Integer.toString(port));

    Map<String, Object> attributes = new HashMap<>();
    attributes.put(SystemConfig.TYPE, "JSON");
    attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, initialConfig.toExternalForm());
    attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
    attributes.put(SystemConfig.CONTEXT, context);
    return attributes;
  }

  private static Path prepareWorkDir(Path workDir) {
    Path absolute = workDir.toAbsolutePath().normalize();
    Path tmp = absolute.resolve("tmp");
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new StartupFailure("cannot create work dir " + absolute + ": " + e);
    }
    System.setProperty("java.io.tmpdir", tmp.toString());
    // Derby (the store of work dirs made before 2026-12-07) ignores Qpid's log redirection and
    // would write derby.log into the current directory
    System.setProperty("derby.system.home", absolute.toString());
    return absolute;
  }

  private static FileLock lockWorkDir(Path workDir) {
    Path lockFile = workDir.resolve("broker.lock");
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new StartupFailure("work dir " + workDir + " is in use by another broker process");
      }
      return lock;
    } catch (IOException e) {
      throw new StartupFailure("cannot lock " + lockFile + ": " + e);
    }
  }

  private static void requirePortFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(BIND_ADDRESS, port));
    } catch (IOException e) {
      throw new StartupFailure(
          "port " + port + " on " + BIND_ADDRESS + " is already in use (" + e.getMessage() + ")");
    }
  }

  private static void requireReady(SystemConfig<?> systemConfig, int port) {
    if (systemConfig == null) {
      throw new StartupFailure("broker configuration was not loaded");
    }
    Broker<?> broker = (Broker<?>) systemConfig.getContainer();
    if (broker == null || broker.getState() != State.ACTIVE) {
      throw new StartupFailure(
          "broker is " + (broker == null ? "missing" : broker.getState()) + ", not ACTIVE");
    }
    Port<?> amqpPort =
        broker.getChildren(Port.class).stream()
            .map(p -> (Port<?>) p)
            .filter(p -> p.getBoundPort() == port)
            .findFirst()
            .orElseThrow(() -> new StartupFailure("no AMQP port is bound to " + port));
    if (amqpPort.getState() != State.ACTIVE) {
      throw new StartupFailure("AMQP port " + port + " is " + amqpPort.getState());
    }
    VirtualHostNode<?> node = broker.findDefautVirtualHostNode();
    VirtualHost<?> virtualHost = node == null ? null : node.getVirtualHost();
    if (virtualHost == null || virtualHost.getState() != State.ACTIVE) {
      throw new StartupFailure(
          "virtual host is "
              + (virtualHost == null ? "missing" : virtualHost.getState())
              + ", not ACTIVE (see the log above)");
    }
  }

  private static void awaitClose(BrokerListener listener) {
    boolean interrupted = false;
    while (true) {
      try {
        listener.closed.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + message;
  }

  record Options(int port, Path workDir) {

    static Options parse(String[] args) {
      Integer port = null;
      Path workDir = null;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (!name.equals("--port") && !name.equals("--work-dir")) {
          throw new IllegalArgumentException("unknown argument '" + name + "'");
        }
        if (i + 1 >= args.length || args[i + 1].isBlank()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        if (name.equals("--port")) {
          port = parsePort(value);
        } else {
          workDir = Path.of(value);
        }
      }
      if (port == null) {
        throw new IllegalArgumentException("--port is required");
      }
      if (workDir == null) {
        throw new IllegalArgumentException("--work-dir is required");
      }
      return new Options(port, workDir);
    }

    private static int parsePort(String value) {
      int port;
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, not '" + value + "'");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("--port must be within 1-65535, not " + port);
      }
      return port;
    }
  }

  private static final class BrokerListener
      extends SystemLauncherListener.DefaultSystemLauncherListener {

    final AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
    final AtomicReference<RuntimeException> startupError = new AtomicReference<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile boolean stopRequested;

    @Override
    public void errorOnStartup(RuntimeException e) {
      startupError.set(e);
    }

    @Override
    public void onContainerResolve(SystemConfig<?> config) {
      systemConfig.set(config);
    }

    @Override
    public void onContainerClose(SystemConfig<?> config) {
      closed.countDown();
    }
  }

  private static final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StartupFailure(String message) {
      super(message);
    }
  }
}
