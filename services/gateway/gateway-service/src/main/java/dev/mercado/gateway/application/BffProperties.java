package dev.mercado.gateway.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway's pages, under {@code mercado.gateway.bff}.
 *
 * @param deadline how long each call to a service may take before its part is left out (default 800
 *     ms); an order page waits at most two deadlines, one for the order, payment and notifications
 *     together and one for the products
 * @param cache the last known products, served when catalog fails
 */
@ConfigurationProperties("mercado.gateway.bff")
record BffProperties(@DefaultValue("800ms") Duration deadline, @DefaultValue Cache cache) {

  /**
   * @param size products kept, least recently used first out (default 1 000)
   * @param maxAge how old a copy may be and still be shown (default 10 min)
   */
  record Cache(@DefaultValue("1000") int size, @DefaultValue("10m") Duration maxAge) {}
}
