package dev.mercado.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The trace server (O3): Zipkin ({@code io.zipkin:zipkin-server}, its executable jar copied to
 * {@code launcher/launcher-app/target/zipkin}) keeping spans in memory, its UI and API on {@code
 * port} of 127.0.0.1 only. Every service exports its spans to {@link #spansEndpoint()}.
 */
public final class TraceServer extends OsProcess {

  /** Spans kept before the oldest are dropped: bounds the heap below. */
  static final int MAX_SPANS = 100_000;

  private final int port;

  /**
   * @param repository the repository root (holds {@code launcher/launcher-app/target/zipkin})
   * @param tmp its temporary directory
   * @param logFile where its standard output goes
   * @param port the HTTP port (UI, query API and span intake) on 127.0.0.1
   */
  public TraceServer(Path repository, Path tmp, Path logFile, int port) {
    super(
        "zipkin",
        "infra",
        "http://127.0.0.1:" + port + "/zipkin/",
        "http://127.0.0.1:" + port + "/health",
        List.of(
            Java.executable(),
            "-Xms32m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.io.tmpdir=" + tmp,
            "-jar",
            repository.resolve("launcher/launcher-app/target/zipkin/zipkin-server.jar").toString(),
            // the whole list is replaced, so the port, the loopback address and the protocol
            "--armeria.ports[0].port=" + port,
            "--armeria.ports[0].ip=127.0.0.1",
            "--armeria.ports[0].protocols[0]=http"),
        Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", Integer.toString(MAX_SPANS)),
        logFile,
        () -> {
          Files.createDirectories(tmp);
          return Map.of();
        });
    this.port = port;
  }

  /** Where services send spans (Zipkin's v2 JSON intake). */
  public String spansEndpoint() {
    return "http://127.0.0.1:" + port + "/api/v2/spans";
  }
}
