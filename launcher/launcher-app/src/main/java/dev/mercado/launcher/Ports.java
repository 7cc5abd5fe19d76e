package dev.mercado.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Ports of the embedded servers: picked free on first use and remembered in {@code
 * <home>/ports.properties}, so a second run reuses them (Kafka's controller address is part of its
 * stored metadata) unless something else took one meanwhile. Never a standard port of this
 * machine's own servers: the operating system hands out ephemeral ports.
 */
final class Ports {

  private final Path file;
  private final Properties remembered = new Properties();

  Ports(Path home) throws IOException {
    this.file = home.resolve("ports.properties");
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        remembered.load(in);
      }
    }
  }

  /** The remembered port of {@code name} if it is still free, otherwise a new free port. */
  synchronized int embedded(String name) throws IOException {
    String known = remembered.getProperty(name);
    if (known != null && isFree(Integer.parseInt(known))) {
      return Integer.parseInt(known);
    }
    int port = free();
    remembered.setProperty(name, Integer.toString(port));
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      remembered.store(out, "ports of the embedded servers, reused by the next ./mercado up");
    }
    return port;
  }

  static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Whether nothing listens on {@code port}. Connections of a process that just stopped may linger
   * in TIME_WAIT; they do not make the port taken (servers bind with SO_REUSEADDR), or a service
   * could not be started again right after it was stopped.
   */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
