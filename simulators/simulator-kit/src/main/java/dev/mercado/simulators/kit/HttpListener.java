package dev.mercado.simulators.kit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP listener on one port of {@link Simulator#BIND_ADDRESS} that can be closed and opened
 * again on the same port, the way a simulated system goes down and comes back. Thread-safe.
 */
public final class HttpListener {

  private static final int BACKLOG = 128;

  private final String name;
  private final HttpHandler handler;
  private final Executor executor;
  private int port;
  private HttpServer server;

  /**
   * Does not listen yet: see {@link #open()}.
   *
   * @param name what the port is to its users, such as {@code API}, for error messages
   * @param port the port to listen on; 0 picks a free one on the first {@link #open()} and keeps it
   * @param handler handles every request, on any path
   * @param executor runs the handler; see {@link #threads}
   */
  public HttpListener(String name, int port, HttpHandler handler, Executor executor) {
    this.name = name;
    this.port = port;
    this.handler = handler;
    this.executor = executor;
  }

  /**
   * A pool for a listener's handler that reuses an idle thread before it starts another, up to
   * {@code max}; beyond that requests wait in an unbounded queue. Its threads are daemons named
   * {@code <name>-<n>} and end after 30 s idle, so that a quiet simulator keeps few threads. Once
   * shut down it drops what is queued.
   */
  public static ExecutorService threads(String name, int max) {
    AtomicInteger count = new AtomicInteger();
    HandOffQueue queue = new HandOffQueue();
    return new ThreadPoolExecutor(
        0,
        max,
        30,
        TimeUnit.SECONDS,
        queue,
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        (task, pool) -> {
          if (!pool.isShutdown()) {
            queue.enqueue(task);
          }
        });
  }

  /**
   * Starts listening; does nothing if it already listens.
   *
   * @throws BindException naming the listener, the port and the reason if another process holds the
   *     port; it does not listen then
   * @throws IOException if it cannot listen for another reason
   */
  public synchronized void open() throws IOException {
    if (server != null) {
      return;
    }
    HttpServer created;
    try {
      created = HttpServer.create(new InetSocketAddress(Simulator.BIND_ADDRESS, port), BACKLOG);
    } catch (BindException e) {
      BindException named =
          new BindException(
              name
                  + " port "
                  + port
                  + " on "
                  + Simulator.BIND_ADDRESS
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
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    server = null;
  }

  /** Whether it listens now. */
  public synchronized boolean isOpen() {
    return server != null;
  }

  /** The port it listens on, or listened on last, or was given if it never listened. */
  public synchronized int port() {
    return port;
  }

  /**
   * Accepts a task only if an idle thread takes it at once, so that the pool starts a new thread
   * rather than queue while it is below its maximum; at the maximum the rejection handler queues.
   */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }
}
