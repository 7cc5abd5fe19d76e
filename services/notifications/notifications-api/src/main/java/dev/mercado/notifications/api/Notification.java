package dev.mercado.notifications.api;

import java.time.Instant;
import java.util.UUID;

/**
 * What was (or will be) sent about an order, as {@code GET /api/v1/notifications?orderId=} shows
 * it.
 *
 * @param kind the order event it answers: {@code ORDER_CONFIRMED}, {@code ORDER_CANCELLED} or
 *     {@code ORDER_REJECTED}
 * @param status {@code QUEUED}, {@code RETRY_WAIT}, {@code SENT} or {@code DEAD}
 * @param attempts delivery attempts so far (1 for an e-mail sent at the first try)
 * @param lastError why the last attempt failed, or null
 * @param nextAttemptAt when a waiting retry is due, or null
 */
public record Notification(
    UUID id,
    UUID orderId,
    String kind,
    String channel,
    String recipient,
    String subject,
    String status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt) {}
