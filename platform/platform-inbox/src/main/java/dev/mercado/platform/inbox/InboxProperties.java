package dev.mercado.platform.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of consumers' error handling, under {@code mercado.inbox}.
 *
 * @param retries how many times a failing event is retried before it is dead-lettered (default 4,
 *     so 5 attempts)
 * @param initialBackoff pause before the first retry (default 200 ms), doubled for each next one
 * @param maxBackoff longest pause between retries (default 5 s)
 * @param deadLetterSuffix appended to a topic's name to form its dead-letter topic (default {@code
 *     .dlt})
 * @param retention how long a received event id is remembered (default 14 days). A duplicate that
 *     arrives later is applied again, so keep it longer than any duplicate can arrive: the topics'
 *     retention (Kafka's default is 7 days), which also bounds how old a re-driven dead letter is
 * @param cleanupInterval how often ids older than the retention are deleted (default 1 hour)
 */
@ConfigurationProperties("mercado.inbox")
public record InboxProperties(
    @DefaultValue("4") int retries,
    @DefaultValue("200ms") Duration initialBackoff,
    @DefaultValue("5s") Duration maxBackoff,
    @DefaultValue(".dlt") String deadLetterSuffix,
    @DefaultValue("14d") Duration retention,
    @DefaultValue("1h") Duration cleanupInterval) {}
