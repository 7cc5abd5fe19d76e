package dev.mercado.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports of the embedded servers: picked free on first use and remembered in {@code
 * <home>/ports.properties}, so a second run reuses them (Kafka's controller address is part of its
 * stored metadata) unless something else took one meanwhile. Never a standard port of this
 * machine's own servers: they are all far below the range free ports come from.
 */
final class Ports {

  /** How many ports below the ephemeral range free ports are picked from. */
  private static final int PICK_RANGE = 10_000;

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Ports this launcher picked: two components never get the same one. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final Properties remembered = new Properties();

  Ports(Path home) throws IOException {
    this.file = home.resolve("ports.properties");
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        remembered.load(in);
      }
      remembered.values().forEach(port -> HANDED_OUT.add(Integer.parseInt(port.toString())));
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

  /**
   * A port nothing listens on, not handed out before by this launcher, and below the kernel's
   * ephemeral range: the ports outgoing connections take as their source ports. A port picked from
   * that range (as binding port 0 does) can be taken by some connection in the seconds before its
   * server binds it; that made a start fail once in CI with the port of a service in use.
   */
  static int free() throws IOException {
    int below = ephemeralLow();
    int low = Math.max(1024, below - PICK_RANGE);
    if (below - low >= PICK_RANGE / 2) {
      for (int attempt = 0; attempt < 500; attempt++) {
        int port = low + RANDOM.nextInt(below - low);
        if (isFree(port) && HANDED_OUT.add(port)) {
          return port;
        }
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      HANDED_OUT.add(socket.getLocalPort());
      return socket.getLocalPort();
    }
  }

  /** The first port of the kernel's ephemeral range (Linux's default 32768 elsewhere). */
  static int ephemeralLow() {
    try {
      // read line by line: procfs files report no size, and readString may stop short
      String range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32768;
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
