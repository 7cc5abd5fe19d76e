package dev.mercado.simulators.kit;

/**
 * A simulator started in this JVM, as {@link SimulatorProcess} runs it: every port listens until
 * {@link #close()}.
 */
public interface Simulator extends AutoCloseable {

  /** The only interface a simulator listens on: loopback, never the network. */
  String BIND_ADDRESS = "127.0.0.1";

  /**
   * Where it listens, as the ready line shows it after {@code ready on}, such as {@code
   * 127.0.0.1:8090 (admin 127.0.0.1:8091)}.
   */
  String listensOn();

  /** Closes every port at once, dropping requests in progress. Idempotent; never throws. */
  @Override
  void close();

  /** {@code 127.0.0.1:<port>}. */
  static String address(int port) {
    return BIND_ADDRESS + ":" + port;
  }
}
