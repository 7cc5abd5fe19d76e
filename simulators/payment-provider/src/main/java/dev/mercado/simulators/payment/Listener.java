package dev.mercado.simulators.payment;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * An HTTP listener on one loopback port that can be closed and opened again on the same port, the
 * way the API port goes down and comes back. Thread-safe.
 */
final class Listener {

  private static final int BACKLOG = 128;

  private final String name;
  private final HttpHandler handler;
  private final Executor executor;
  private int port;
  private HttpServer server;

  /**
   * @param port the port to listen on; 0 picks a free one on the first {@link #open()} and keeps it
   */
  Listener(String name, int port, HttpHandler handler, Executor executor) {
    this.name = name;
    this.port = port;
    this.handler = handler;
    this.executor = executor;
  }

  /**
   * Starts listening; does nothing if it already listens.
   *
   * @throws BindException naming the port if another process holds it
   */
  synchronized void open() throws IOException {
    if (server != null) {
      return;
    }
    HttpServer created;
    try {
      created =
          HttpServer.create(new InetSocketAddress(PaymentProvider.BIND_ADDRESS, port), BACKLOG);
    } catch (BindException e) {
      BindException named =
          new BindException(
              name
                  + " port "
                  + port
                  + " on "
                  + PaymentProvider.BIND_ADDRESS
                  + " is already in use ("
                  + e.getMessage()
                  + ")");
      named.initCause(e);
      throw named;
    }
    created.createContext("/", handler);
    created.setExecutor(executor);
    created.start();
    port = created.getAddress().getPort();
    server = created;
  }

  /**
   * Stops listening at once: the port refuses connections and open connections, also those of
   * requests still being handled, are closed. Does nothing if it does not listen.
   */
  synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    server = null;
  }

  synchronized boolean isOpen() {
    return server != null;
  }

  synchronized int port() {
    return port;
  }
}
