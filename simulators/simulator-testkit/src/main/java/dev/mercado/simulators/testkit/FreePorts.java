package dev.mercado.simulators.testkit;

import dev.mercado.simulators.kit.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports on {@link Simulator#BIND_ADDRESS} that were free a moment ago, for tests. */
public final class FreePorts {

  private FreePorts() {}

  /** {@code count} different ports, all free when this returns. */
  public static int[] take(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Simulator.BIND_ADDRESS));
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // the port is still free for the test's purpose
        }
      }
    }
  }
}
