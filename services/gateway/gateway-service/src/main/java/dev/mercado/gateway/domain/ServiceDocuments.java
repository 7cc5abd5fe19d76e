package dev.mercado.gateway.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The documents the services behind the gateway publish, each read from one of a service's ready
 * instances. A document is a JSON object as the service sent it ({@code Map} of field to {@code
 * String}, {@code BigDecimal} or other number, {@code Boolean}, {@code List}, {@code Map} or {@code
 * null}): the gateway passes documents on and reads only the fields it needs (tolerant reader), so
 * a field a service adds reaches clients without a gateway release.
 *
 * <p>Every call is lazy (nothing is sent before subscription), sets no deadline of its own (the
 * caller does) and never retries. A 404 completes empty; any other failure (refused, reset, a 5xx,
 * no ready instance, an unreadable answer) signals {@link ServiceFailure}. Thread-safe.
 *
 * <p>Who asks (docs/adr/0009): the order is read <b>as the caller</b>, with the caller's {@code
 * Authorization} header, so orders decides whether they may see it (a 401 or 403 signals {@link
 * AccessRefused}); payments and notifications do not know whose an order is, so they are read with
 * the gateway's own service token, and a page shows them only next to an order orders let the
 * caller see.
 */
public interface ServiceDocuments {

  /**
   * Orders' order with its lines ({@code productId}, {@code quantity}, …) and history, read as the
   * caller.
   *
   * @param authorization the caller's {@code Authorization} header, or null for none
   */
  Mono<Map<String, Object>> order(UUID id, String authorization);

  /** Payments' payment of an order; empty while payments has none (or does not know the order). */
  Mono<Map<String, Object>> payment(UUID orderId);

  /** What notifications sent or will send about an order; an empty list when nothing yet. */
  Mono<List<Map<String, Object>>> notifications(UUID orderId);

  /** Catalog's product (v1 contract: price, available stock); empty if catalog has no such id. */
  Mono<Map<String, Object>> product(UUID id);
}
