package dev.mercado.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * The external payment provider's simulator ({@code simulators/payment-provider}) as its own
 * process: the API on {@code port}, fault switches and ledger reset on {@code adminPort}.
 */
public final class PaymentProviderSimulator extends OsProcess {

  private final int port;
  private final int adminPort;

  /**
   * @param repository the repository root (holds {@code simulators/payment-provider/target})
   * @param name the process's name: {@code payment-provider}, or {@code payment-provider-2} for the
   *     alternative provider payments falls back to
   * @param logFile where its standard output goes
   * @param port the API port on 127.0.0.1
   * @param adminPort the fault-switch port on 127.0.0.1
   */
  public PaymentProviderSimulator(
      Path repository, String name, Path logFile, int port, int adminPort) {
    super(
        name,
        "simulator",
        "http://127.0.0.1:" + port,
        "http://127.0.0.1:" + port + "/health",
        SimulatorCommand.of(
            repository,
            "payment-provider",
            "dev.mercado.simulators.payment.PaymentProvider",
            "--port",
            Integer.toString(port),
            "--admin-port",
            Integer.toString(adminPort)),
        Map.of(),
        logFile,
        Map::of);
    this.port = port;
    this.adminPort = adminPort;
  }

  /** The provider's API port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Where the payments service would call the provider directly. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Fault switches ({@code /faults}) and ledger reset ({@code /ledger/reset}). */
  public String adminUrl() {
    return "http://127.0.0.1:" + adminPort;
  }
}
