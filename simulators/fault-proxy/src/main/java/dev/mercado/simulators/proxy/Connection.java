package dev.mercado.simulators.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One client connection of a route and its connection to the target, with one thread per direction,
 * named {@code proxy-<route>-<id>-up} (client to target) and {@code -down}. Each thread reads a
 * chunk of at most 16 KiB, applies the route's faults as they are then, and writes it before it
 * reads the next, so that bytes keep their order and a fault holds back at most one chunk per
 * direction. Thread-safe.
 *
 * <p>The end of a stream travels as it came: when one side shuts its output down, the proxy shuts
 * down its output to the other side; once both directions ended, both sockets close. An error on
 * either side resets both, so that neither end waits on a conversation the other has given up.
 */
final class Connection {

  private static final int CHUNK_BYTES = 16 * 1024;
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  // two threads per connection, up to 256 connections per route: keep their stacks small
  private static final long STACK_BYTES = 256 * 1024;
  // how often a thread holding a chunk back looks whether its connection was closed meanwhile
  private static final long CLOSED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Route route;
  private final long id;
  private final Socket client;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger endedDirections = new AtomicInteger();
  private volatile Socket target;
  private volatile boolean dropped;
  private volatile boolean halfClosed;
  private volatile long lastRead = System.nanoTime();

  Connection(Route route, long id, Socket client) {
    this.route = route;
    this.id = id;
    this.client = client;
  }

  /**
   * Connects to the target and forwards both ways, on threads of its own.
   *
   * @param blackhole whether the route blackholes now: then the connection never reaches the
   *     target, drops what the client sends and is reset when the blackhole ends
   */
  void start(boolean blackhole) {
    thread("up", () -> connectAndForward(blackhole)).start();
  }

  /** Closes both sides with a TCP reset (RST). Idempotent. */
  void reset() {
    if (closed.compareAndSet(false, true)) {
      resetQuietly(client);
      Socket socket = target;
      if (socket != null) {
        resetQuietly(socket);
      }
      route.closed(this);
    }
  }

  /** Closes both sides with a normal close (FIN). Idempotent. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(client);
      Socket socket = target;
      if (socket != null) {
        closeQuietly(socket);
      }
      route.closed(this);
    }
  }

  /** Resets the connection if a blackhole dropped any of its bytes or its end of stream. */
  void closeIfDropped() {
    if (dropped) {
      reset();
    }
  }

  /**
   * Closes the connection if one direction ended and nothing was read for longer than {@code idle},
   * since a peer that shut its output down and then vanished would hold it open forever; resets it
   * if a blackhole dropped its bytes and is over, in case it dropped them just as the route reset
   * the others.
   */
  void sweep(long now, Duration idle) {
    if (dropped && !faults().blackhole()) {
      reset();
    } else if (halfClosed && now - lastRead > idle.toNanos()) {
      close();
    }
  }

  /** Closes a socket with a TCP reset (RST) rather than a FIN, ignoring any error. */
  static void resetQuietly(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // closed already: nothing left to reset
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private void connectAndForward(boolean blackhole) {
    if (blackhole) {
      dropped = true;
      new Pump(client, null, true).run();
      return;
    }
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(route.target(), CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      resetQuietly(socket);
      route.unreachable(e);
      // as close as a proxy gets to passing on a refused connection
      reset();
      return;
    }
    target = socket;
    // reset() may have run before target was set, and then could not close it
    if (closed.get()) {
      resetQuietly(socket);
      return;
    }
    thread("down", new Pump(socket, client, false)).start();
    new Pump(client, socket, true).run();
  }

  private Thread thread(String direction, Runnable task) {
    Thread thread = new Thread(null, task, route.threadName(id + "-" + direction), STACK_BYTES);
    thread.setDaemon(true);
    return thread;
  }

  private Faults faults() {
    return route.faultState().faults();
  }

  /** Copies one direction until its end of stream or an error. */
  private final class Pump implements Runnable {

    private final Socket from;
    private final Socket to;
    private final boolean up;
    private final byte[] buffer = new byte[CHUNK_BYTES];
    private final SplittableRandom random = new SplittableRandom();
    private TokenBucket bucket;

    /**
     * @param to null to drop everything read
     * @param up whether it copies from the client to the target
     */
    Pump(Socket from, Socket to, boolean up) {
      this.from = from;
      this.to = to;
      this.up = up;
    }

    @Override
    public void run() {
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to == null ? null : to.getOutputStream();
        while (true) {
          int read = in.read(buffer);
          long readAt = System.nanoTime();
          lastRead = readAt;
          if (read < 0) {
            endOfStream();
            return;
          }
          forward(in, out, read, readAt);
        }
      } catch (IOException e) {
        reset();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reset();
      }
    }

    private void forward(InputStream in, OutputStream out, int read, long readAt)
        throws IOException, InterruptedException {
      if (out == null || faults().blackhole()) {
        drop(read);
        return;
      }
      if (dropped) {
        // the blackhole ended and the route has not reset this connection yet
        throw new SocketException("a blackhole dropped bytes of this connection");
      }
      int length = read;
      if (holdBack(readAt)) {
        // what arrived while the chunk was held back goes with it: a message written in several
        // pieces (headers, then body) is delayed once per direction, not once per piece
        length += arrivedMeanwhile(in, length);
      }
      int offset = 0;
      while (offset < length) {
        Faults now = faults();
        if (now.blackhole()) {
          drop(length - offset);
          return;
        }
        int slice = length - offset;
        if (now.bandwidthKbps() == 0) {
          bucket = null;
        } else {
          slice = throttle(now, slice);
        }
        out.write(buffer, offset, slice);
        route.forwarded(up, slice);
        offset += slice;
      }
    }

    /**
     * Waits out the latency and jitter of a chunk read at {@code readAt}, as the faults change.
     *
     * @return whether it waited at all
     */
    private boolean holdBack(long readAt) throws InterruptedException {
      RouteFaults state = route.faultState();
      long version = state.version();
      long deadline = readAt + faults().nextDelay(random).toNanos();
      boolean waited = false;
      while (!closed.get()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return waited;
        }
        waited = true;
        state.awaitChange(version, Math.min(left, CLOSED_POLL_NANOS));
        long seen = state.version();
        if (seen != version) {
          version = seen;
          deadline = readAt + faults().nextDelay(random).toNanos();
        }
      }
      return waited;
    }

    /** Reads, without blocking, what has arrived after {@code length} bytes, as far as it fits. */
    private int arrivedMeanwhile(InputStream in, int length) throws IOException {
      int available = Math.min(in.available(), buffer.length - length);
      if (available <= 0) {
        return 0;
      }
      int read = in.read(buffer, length, available);
      lastRead = System.nanoTime();
      return Math.max(read, 0);
    }

    /** Waits until up to {@code length} bytes may go at the bandwidth limit; returns how many. */
    private int throttle(Faults now, int length) throws InterruptedException {
      long rate = now.bytesPerSecond();
      if (bucket == null || bucket.bytesPerSecond() != rate) {
        bucket = new TokenBucket(rate, System.nanoTime());
      }
      int slice = Math.min(length, bucket.burst());
      long wait = bucket.take(slice, System.nanoTime());
      waitUnless(wait, changed -> changed.bandwidthKbps() != now.bandwidthKbps());
      return slice;
    }

    private void waitUnless(long nanos, Predicate<Faults> cutShort) throws InterruptedException {
      RouteFaults state = route.faultState();
      long version = state.version();
      long deadline = System.nanoTime() + nanos;
      while (!closed.get()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        state.awaitChange(version, Math.min(left, CLOSED_POLL_NANOS));
        long seen = state.version();
        if (seen != version) {
          version = seen;
          if (cutShort.test(faults())) {
            return;
          }
        }
      }
    }

    private void drop(int length) {
      dropped = true;
      route.dropped(length);
    }

    private void endOfStream() {
      if (to == null || dropped || faults().blackhole()) {
        // a blackhole does not pass the end on either; the connection ends with the blackhole
        dropped = true;
        return;
      }
      try {
        to.shutdownOutput();
      } catch (IOException e) {
        reset();
        return;
      }
      if (endedDirections.incrementAndGet() == 2) {
        close();
      } else {
        halfClosed = true;
      }
    }
  }
}
