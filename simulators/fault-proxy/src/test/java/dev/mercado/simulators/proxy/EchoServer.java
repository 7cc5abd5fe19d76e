package dev.mercado.simulators.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP echo server on loopback for the proxy's tests: sends back every chunk it reads, passes a
 * half-close back as a half-close, and notes when each chunk arrived.
 */
final class EchoServer implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService threads;
  private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();

  private EchoServer(ServerSocket server) {
    this.server = server;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "echo-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  static EchoServer start() throws IOException {
    EchoServer echo = new EchoServer(new ServerSocket(0, 512, InetAddress.getLoopbackAddress()));
    echo.threads.execute(echo::accept);
    return echo;
  }

  int port() {
    return server.getLocalPort();
  }

  /** Forgets when earlier chunks arrived. */
  void forgetArrivals() {
    arrivals.clear();
  }

  /** The {@link System#nanoTime()} at which the next chunk arrived, waiting for it if need be. */
  long nextArrival(Duration timeout) throws InterruptedException {
    Long arrival = arrivals.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (arrival == null) {
      throw new AssertionError("no chunk reached the echo server within " + timeout);
    }
    return arrival;
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        threads.execute(() -> echo(connection));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void echo(Socket connection) {
    try (connection) {
      connection.setTcpNoDelay(true);
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      byte[] buffer = new byte[8 * 1024];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        arrivals.add(System.nanoTime());
        out.write(buffer, 0, read);
      }
      connection.shutdownOutput();
    } catch (IOException e) {
      // the client or the proxy went away: nothing to echo to
    }
  }
}
