package dev.mercado.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The external payment provider's simulator ({@code simulators/payment-provider}) as its own
 * process: the API on {@code port}, fault switches and ledger reset on {@code adminPort}.
 */
public final class PaymentProviderSimulator implements Component {

  private final int port;
  private final int adminPort;
  private final OsProcess process;

  /**
   * @param repository the repository root (holds {@code simulators/payment-provider/target})
   * @param logFile where its standard output goes
   * @param port the API port on 127.0.0.1
   * @param adminPort the fault-switch port on 127.0.0.1
   */
  public PaymentProviderSimulator(Path repository, Path logFile, int port, int adminPort) {
    this.port = port;
    this.adminPort = adminPort;
    Path module = repository.resolve("simulators/payment-provider/target");
    String classpath = module.resolve("payment-provider.jar") + ":" + module.resolve("lib") + "/*";
    this.process =
        new OsProcess(
            "payment-provider",
            "simulator",
            baseUrl(),
            baseUrl() + "/health",
            List.of(
                Java.executable(),
                "-Xms16m",
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "dev.mercado.simulators.payment.PaymentProvider",
                "--port",
                Integer.toString(port),
                "--admin-port",
                Integer.toString(adminPort)),
            Map.of(),
            logFile,
            Map::of);
  }

  /** Where the payments service calls the provider. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Fault switches ({@code /faults}) and ledger reset ({@code /ledger/reset}). */
  public String adminUrl() {
    return "http://127.0.0.1:" + adminPort;
  }

  @Override
  public String name() {
    return process.name();
  }

  @Override
  public String kind() {
    return process.kind();
  }

  @Override
  public String url() {
    return process.url();
  }

  @Override
  public String probe() {
    return process.probe();
  }

  @Override
  public void start() throws Exception {
    process.start();
  }

  /** Blocks until the simulator answers its health check, or fails when it dies first. */
  public void awaitReady(Duration timeout) throws Exception {
    Readiness.await(this, timeout);
  }

  @Override
  public Optional<Long> pid() {
    return process.pid();
  }

  @Override
  public boolean alive() {
    return process.alive();
  }

  @Override
  public Optional<Path> logFile() {
    return process.logFile();
  }

  @Override
  public void stop(Duration grace) {
    process.stop(grace);
  }
}
