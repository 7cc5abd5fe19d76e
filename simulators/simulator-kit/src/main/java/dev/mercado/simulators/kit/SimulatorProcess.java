package dev.mercado.simulators.kit;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * A simulator run as its own OS process, the way the launcher starts it: {@code java -cp
 * '<module>.jar:lib/*' <main class> <port options>}. Immutable and thread-safe.
 *
 * <p>Failure behaviour of the process: bad arguments exit with {@link #EXIT_USAGE} and two lines on
 * stderr, the reason and the usage; a simulator that cannot start (a port in use) exits with {@link
 * #EXIT_FAILURE} and a one-line reason on stderr, {@code <name> failed to start: <reason>}. Once
 * {@code <name> ready on <where>} is printed to stdout, SIGTERM closes the simulator, prints {@code
 * <name> stopped} and the JVM exits with the signal's status (143).
 */
public final class SimulatorProcess {

  /** The exit status when the simulator cannot start. */
  public static final int EXIT_FAILURE = 1;

  /** The exit status for bad arguments. */
  public static final int EXIT_USAGE = 2;

  private final String name;
  private final Class<?> mainClass;
  private final PortOptions options;

  /**
   * @param name the simulator's name in words, such as {@code payment provider}, as its stdout and
   *     stderr lines begin; with hyphens for spaces it is its module and jar name
   * @param mainClass the class whose {@code main} runs this
   * @param options the ports its command line names
   */
  public SimulatorProcess(String name, Class<?> mainClass, PortOptions options) {
    this.name = name;
    this.mainClass = mainClass;
    this.options = options;
  }

  /**
   * Parses the arguments, starts the simulator, prints the ready line and blocks until SIGTERM. On
   * bad arguments or a failed start it does not return: it exits the JVM with the status described
   * above.
   *
   * @param starter starts the simulator on the ports of the command line, in the order of the
   *     {@link PortOptions}
   */
  public void run(String[] args, Starter starter) {
    int[] ports;
    try {
      ports = options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(mainClass.getSimpleName() + ": " + e.getMessage());
      System.err.println(usage());
      System.exit(EXIT_USAGE);
      return;
    }
    Simulator simulator;
    try {
      simulator = starter.start(ports);
    } catch (IOException e) {
      System.err.println(name + " failed to start: " + e.getMessage());
      System.exit(EXIT_FAILURE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  System.out.println(name + " stopped");
                  stopped.countDown();
                },
                module() + "-shutdown"));
    System.out.println(name + " ready on " + simulator.listensOn());
    System.out.flush();
    awaitUninterruptibly(stopped);
  }

  /**
   * {@code usage: java -cp '<module>.jar:lib/*' <main class> --port <1-65535> ...}, as printed on
   * bad arguments.
   */
  public String usage() {
    return "usage: java -cp '"
        + module()
        + ".jar:lib/*' "
        + mainClass.getName()
        + " "
        + options.usage();
  }

  private String module() {
    return name.replace(' ', '-');
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

  /** Starts a simulator in this JVM. */
  @FunctionalInterface
  public interface Starter {

    /**
     * @param ports the ports of the command line, in the order of the {@link PortOptions}
     * @return the simulator, listening on every port
     * @throws IOException if a port cannot listen; nothing is left open then
     */
    Simulator start(int[] ports) throws IOException;
  }
}
