package dev.mercado.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Passive health of upstream instances (outlier detection, as Envoy does it): an instance that
 * fails {@code consecutiveFailures} requests in a row (5xx answers, refused connections, timeouts)
 * is ejected for {@code ejection}, then admitted again; one success resets its count. If every
 * instance of a service is ejected, all are admitted (better to try than to refuse every request).
 * Thread-safe.
 */
public final class Outliers {

  private static final Logger log = LoggerFactory.getLogger(Outliers.class);

  private final int consecutiveFailures;
  private final Duration ejection;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> ejectedUntil = new ConcurrentHashMap<>();

  public Outliers(int consecutiveFailures, Duration ejection, Clock clock, MeterRegistry meters) {
    this.consecutiveFailures = consecutiveFailures;
    this.ejection = ejection;
    this.clock = clock;
    this.meters = meters;
  }

  /** Records the outcome of one request to the instance at {@code hostAndPort}. */
  public void record(String hostAndPort, boolean failed) {
    if (!failed) {
      failures.remove(hostAndPort);
      return;
    }
    int count = failures.merge(hostAndPort, 1, Integer::sum);
    if (count >= consecutiveFailures && !ejected(hostAndPort)) {
      ejectedUntil.put(hostAndPort, clock.instant().plus(ejection));
      failures.remove(hostAndPort);
      meters.counter("mercado.gateway.outlier.ejections", "instance", hostAndPort).increment();
      log.warn(
          "ejected upstream {} for {} after {} failures in a row", hostAndPort, ejection, count);
    }
  }

  /** The instances not ejected now; all of them if every one is. */
  public List<ServiceInstance> admit(List<ServiceInstance> instances) {
    List<ServiceInstance> admitted =
        instances.stream().filter(instance -> !ejected(key(instance))).toList();
    return admitted.isEmpty() ? instances : admitted;
  }

  boolean ejected(String hostAndPort) {
    Instant until = ejectedUntil.get(hostAndPort);
    if (until == null) {
      return false;
    }
    if (clock.instant().isBefore(until)) {
      return true;
    }
    if (ejectedUntil.remove(hostAndPort, until)) {
      log.info("admitted upstream {} again after its ejection", hostAndPort);
    }
    return false;
  }

  static String key(ServiceInstance instance) {
    return instance.getHost() + ":" + instance.getPort();
  }
}
