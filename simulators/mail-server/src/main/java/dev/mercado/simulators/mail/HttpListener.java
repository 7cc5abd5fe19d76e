package dev.mercado.simulators.mail;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** The HTTP listener of the API port, on loopback only. Thread-safe. */
final class HttpListener {

  private static final int BACKLOG = 64;

  private final HttpServer server;

  private HttpListener(HttpServer server) {
    this.server = server;
  }

  /**
   * Listens on the port until {@link #close()}.
   *
   * @param port the port, or 0 for a free one
   * @throws BindException naming the port if another process holds it
   */
  static HttpListener open(int port, HttpHandler handler, Executor executor) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(MailServer.BIND_ADDRESS, port), BACKLOG);
    } catch (BindException e) {
      BindException named =
          new BindException(
              "API port "
                  + port
                  + " on "
                  + MailServer.BIND_ADDRESS
                  + " is already in use ("
                  + e.getMessage()
                  + ")");
      named.initCause(e);
      throw named;
    }
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
    return new HttpListener(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Stops listening at once, closing open connections. Idempotent. */
  void close() {
    server.stop(0);
  }
}
