package dev.mercado.bench.retry;

import dev.mercado.platform.resilience.Backoff;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The model of Brooker's simulator (aws-samples/aws-arch-backoff-simulator, the code behind
 * "Exponential Backoff And Jitter"), as a discrete-event simulation: one server holds one row with
 * a version; each of N clients wants to write it once. An attempt is a read of the version, then a
 * write that succeeds only if the version is still the one read (optimistic concurrency); each of
 * the four messages (read, its answer, write, its answer) takes a network delay of |N(10 ms, 2
 * ms)|. A client whose write failed sends its next read after one network delay plus its backoff
 * pause. Counts the writes ("calls") and the time of the last answer, when every client has
 * written.
 *
 * <p>Deterministic: the same seed gives the same run. Bounded: a run that exceeds {@code maxEvents}
 * events stops with an exception.
 */
final class OccSimulation {

  static final double NETWORK_MEAN_MS = 10;
  static final double NETWORK_SD_MS = 2;

  private static final int READ = 0;
  private static final int READ_ANSWER = 1;
  private static final int WRITE = 2;
  private static final int WRITE_ANSWER = 3;

  private final long maxEvents;

  OccSimulation(long maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** One run with {@code clients} clients backing off by {@code backoff}. */
  Outcome run(int clients, Backoff backoff, long seed) {
    SplittableRandom network = new SplittableRandom(seed);
    SplittableRandom jitter = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Backoff.Sequence[] pauses = new Backoff.Sequence[clients];
    PriorityQueue<Event> queue = new PriorityQueue<>();
    long order = 0;
    for (int client = 0; client < clients; client++) {
      // one sequence per client, as Brooker's clients each hold their own backoff object
      pauses[client] = backoff.sequence(jitter);
      queue.add(new Event(delay(network), order++, READ, client, 0));
    }
    long version = 0;
    long calls = 0;
    long events = 0;
    double now = 0;
    while (!queue.isEmpty()) {
      if (++events > maxEvents) {
        throw new IllegalStateException(
            "simulation aborted after "
                + maxEvents
                + " events: "
                + clients
                + " clients, "
                + backoff.strategy()
                + " never all wrote");
      }
      Event event = queue.poll();
      now = event.time;
      switch (event.kind) {
        case READ ->
            queue.add(new Event(now + delay(network), order++, READ_ANSWER, event.client, version));
        case READ_ANSWER ->
            queue.add(new Event(now + delay(network), order++, WRITE, event.client, event.payload));
        case WRITE -> {
          calls++;
          boolean written = event.payload == version;
          if (written) {
            version++;
          }
          queue.add(
              new Event(
                  now + delay(network), order++, WRITE_ANSWER, event.client, written ? 1 : 0));
        }
        case WRITE_ANSWER -> {
          if (event.payload == 0) {
            double pause = pauses[event.client].next().toNanos() / 1e6;
            queue.add(new Event(now + delay(network) + pause, order++, READ, event.client, 0));
          }
        }
        default -> throw new IllegalStateException("unknown event " + event.kind);
      }
    }
    return new Outcome(calls, now);
  }

  private static double delay(SplittableRandom network) {
    return Math.abs(NETWORK_MEAN_MS + NETWORK_SD_MS * network.nextGaussian());
  }

  /** A run's result: writes attempted, and milliseconds until every client had written. */
  record Outcome(long calls, double millis) {}

  /** Ordered by time, then by creation, so that runs are reproducible. */
  private record Event(double time, long order, int kind, int client, long payload)
      implements Comparable<Event> {

    @Override
    public int compareTo(Event other) {
      int byTime = Double.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
