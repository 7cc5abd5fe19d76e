package dev.mercado.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications, under {@code mercado.notifications}. The work queue's prefetch and
 * worker count are Spring AMQP's ({@code spring.rabbitmq.listener.simple.prefetch}, {@code
 * .concurrency}); see application.yml for the defaults and why.
 *
 * @param from the sender of every e-mail
 * @param customerMailDomain customers' addresses are {@code <customerId>@<domain>} unless the
 *     customer id already is an address (until identity owns customers' contact data)
 * @param maxAttempts delivery attempts before a task is dead-lettered (default 10: with the default
 *     backoffs, at least 75 s of pauses, so an SMTP outage of a minute loses nothing)
 * @param initialBackoff the longest pause after the first failed attempt (default 1 s); doubled per
 *     attempt, equal jitter (at least half of each pause is kept)
 * @param maxBackoff the longest pause between attempts (default 30 s)
 * @param retryPollInterval how often due retries are put back on the queue (default 500 ms)
 */
@ConfigurationProperties("mercado.notifications")
public record NotificationsProperties(
    @DefaultValue("Mercado <orders@mercado.example>") String from,
    @DefaultValue("customers.mercado.example") String customerMailDomain,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("30s") Duration maxBackoff,
    @DefaultValue("500ms") Duration retryPollInterval) {

  public NotificationsProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("mercado.notifications.max-attempts must be at least 1");
    }
  }
}
