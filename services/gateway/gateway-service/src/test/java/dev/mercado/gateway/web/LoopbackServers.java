package dev.mercado.gateway.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Real HTTP servers on loopback standing in for the gateway's upstreams in its tests. */
final class LoopbackServers {

  private LoopbackServers() {}

  /** An upstream that answers 200 {@code "<name> saw <path and query>"} to everything. */
  static HttpServer echo(String name) {
    return serve("/", "text/plain", uri -> name + " saw " + uri);
  }

  /** Answers 200 with {@code body(request URI)} under {@code context}. */
  static HttpServer serve(String context, String contentType, Function<String, String> body) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          context,
          exchange -> {
            byte[] bytes =
                body.apply(exchange.getRequestURI().toString()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A loopback port nobody listens on: bound, then released. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
