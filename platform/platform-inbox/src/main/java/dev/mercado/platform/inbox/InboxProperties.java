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
 */
@ConfigurationProperties("mercado.inbox")
public record InboxProperties(
    @DefaultValue("4") int retries,
    @DefaultValue("200ms") Duration initialBackoff,
    @DefaultValue("5s") Duration maxBackoff,
    @DefaultValue(".dlt") String deadLetterSuffix) {}
