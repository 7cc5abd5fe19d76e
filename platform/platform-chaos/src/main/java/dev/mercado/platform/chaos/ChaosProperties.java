package dev.mercado.platform.chaos;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an assault may last, under {@code mercado.chaos}; read only with the {@value
 * ChaosDefaults#PROFILE} profile.
 *
 * @param defaultDuration how long an assault lasts when nobody said (default 60 s): whoever
 *     switches one on through {@code /actuator/chaosmonkey/assaults} alone gets this bound
 * @param maxDuration the longest an assault may be given (default 600 s)
 * @param checkInterval how often the deadline is checked (default 1 s), so an assault ends at most
 *     this much after its deadline
 */
@ConfigurationProperties("mercado.chaos")
public record ChaosProperties(
    @DefaultValue("60s") Duration defaultDuration,
    @DefaultValue("600s") Duration maxDuration,
    @DefaultValue("1s") Duration checkInterval) {}
