package dev.mercado.platform.ratelimit;

import java.time.Duration;

/**
 * Where one limit stands after a decision, as the IETF {@code RateLimit} field reports it.
 *
 * @param limit the limit
 * @param remaining permits still available right now (after this request if it was admitted;
 *     nothing was taken if it was rejected)
 * @param reset how long until {@code remaining} grows by at least one if no further request comes;
 *     zero when the limit is at its full capacity
 * @param exceeded whether this limit is one of those that rejected the request
 */
public record Quota(Limit limit, long remaining, Duration reset, boolean exceeded) {}
