package dev.mercado.bench.retry;

import dev.mercado.platform.resilience.Backoff;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The experiment against a real PostgreSQL row {@code (id, version, value)}: N threads, each with
 * its own autocommit connection, each wanting to write the row once. An attempt reads the version,
 * then runs {@code UPDATE ... SET version = version + 1, value = ? WHERE id = 1 AND version = ?};
 * (optionally after a think time between the two), zero rows updated is a conflict, and the client
 * pauses by its backoff and tries again. Counts the attempts ("calls") and the wall time from the
 * common start to the last client's success.
 *
 * <p>Bounded: a client that exceeds {@code maxAttemptsPerClient}, or a run that passes its
 * deadline, aborts the run with an exception saying which. The table has a name of its own and is
 * dropped by {@link #close()}.
 */
final class PostgresContention implements AutoCloseable {

  private final String jdbcUrl;
  private final String table;
  private final List<Connection> connections = new ArrayList<>();
  private final int maxAttemptsPerClient;
  private final Duration deadline;
  private final Duration think;

  /**
   * @param think a pause between reading the version and writing, standing in for the network and
   *     the work of a real caller (Brooker's model has two network delays there); zero for none
   */
  PostgresContention(String jdbcUrl, int maxAttemptsPerClient, Duration deadline, Duration think)
      throws SQLException {
    this.jdbcUrl = jdbcUrl;
    this.think = think;
    this.maxAttemptsPerClient = maxAttemptsPerClient;
    this.deadline = deadline;
    this.table = "retry_jitter_" + Long.toHexString(System.nanoTime() & 0xFFFFFFFFL);
    try (Connection admin = DriverManager.getConnection(jdbcUrl);
        Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + table
              + " (id INT PRIMARY KEY, version BIGINT NOT NULL, value BIGINT NOT NULL)");
      statement.execute("INSERT INTO " + table + " VALUES (1, 0, 0)");
    }
  }

  String table() {
    return table;
  }

  /** One run with {@code clients} threads backing off by {@code backoff}. */
  OccSimulation.Outcome run(int clients, Backoff backoff, long seed) throws Exception {
    openConnections(clients);
    try (Statement reset = connections.get(0).createStatement()) {
      reset.executeUpdate("UPDATE " + table + " SET version = 0, value = 0 WHERE id = 1");
    }
    AtomicLong started = new AtomicLong();
    CyclicBarrier start = new CyclicBarrier(clients, () -> started.set(System.nanoTime()));
    AtomicLong calls = new AtomicLong();
    AtomicLong lastSuccess = new AtomicLong();
    AtomicReference<String> abort = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      int id = client;
      Connection connection = connections.get(client);
      Backoff.Sequence pauses = backoff.sequence(new SplittableRandom(seed * 1_000_003L + id));
      Thread thread =
          new Thread(
              () -> {
                try {
                  writeOnce(id, connection, pauses, start, started, calls, lastSuccess, abort);
                } catch (Exception e) {
                  abort.compareAndSet(null, "client " + id + " failed: " + e);
                }
              },
              "client-" + id);
      threads.add(thread);
      thread.start();
    }
    long joinDeadline = System.nanoTime() + deadline.toNanos() + TimeUnit.SECONDS.toNanos(30);
    for (Thread thread : threads) {
      long left = joinDeadline - System.nanoTime();
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      if (thread.isAlive()) {
        abort.compareAndSet(null, thread.getName() + " did not finish");
        threads.forEach(Thread::interrupt);
      }
    }
    if (abort.get() != null) {
      throw new IllegalStateException(
          "postgres run aborted (" + clients + " clients, " + backoff.strategy() + "): " + abort);
    }
    return new OccSimulation.Outcome(calls.get(), (lastSuccess.get() - started.get()) / 1e6);
  }

  private void writeOnce(
      int id,
      Connection connection,
      Backoff.Sequence pauses,
      CyclicBarrier start,
      AtomicLong started,
      AtomicLong calls,
      AtomicLong lastSuccess,
      AtomicReference<String> abort)
      throws SQLException, InterruptedException, BrokenBarrierException, TimeoutException {
    try (PreparedStatement read =
            connection.prepareStatement("SELECT version FROM " + table + " WHERE id = 1");
        PreparedStatement write =
            connection.prepareStatement(
                "UPDATE "
                    + table
                    + " SET version = version + 1, value = ? WHERE id = 1 AND version = ?")) {
      start.await(30, TimeUnit.SECONDS);
      long giveUpAt = started.get() + deadline.toNanos();
      for (int attempt = 1; ; attempt++) {
        if (abort.get() != null) {
          return;
        }
        if (attempt > maxAttemptsPerClient) {
          abort.compareAndSet(
              null, "client " + id + " made " + maxAttemptsPerClient + " attempts without success");
          return;
        }
        if (System.nanoTime() > giveUpAt) {
          abort.compareAndSet(null, "deadline of " + deadline + " passed");
          return;
        }
        calls.incrementAndGet();
        long version;
        try (ResultSet row = read.executeQuery()) {
          row.next();
          version = row.getLong(1);
        }
        pause(think);
        write.setLong(1, id);
        write.setLong(2, version);
        if (write.executeUpdate() == 1) {
          lastSuccess.accumulateAndGet(System.nanoTime(), Math::max);
          return;
        }
        pause(pauses.next());
      }
    }
  }

  /** Sleeps for {@code pause}, to within the scheduler's resolution (well under a millisecond). */
  private static void pause(Duration pause) throws InterruptedException {
    long until = System.nanoTime() + pause.toNanos();
    for (long left = pause.toNanos(); left > 0; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private void openConnections(int clients) throws SQLException {
    while (connections.size() < clients) {
      try {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        connection.setAutoCommit(true);
        connections.add(connection);
      } catch (SQLException e) {
        throw new SQLException(
            "could not open connection "
                + (connections.size() + 1)
                + " of "
                + clients
                + " (is max_connections high enough?): "
                + e.getMessage(),
            e);
      }
    }
  }

  /** Closes the connections and drops the table. */
  @Override
  public void close() throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
    connections.clear();
    try (Connection admin = DriverManager.getConnection(jdbcUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + table);
    }
  }
}
