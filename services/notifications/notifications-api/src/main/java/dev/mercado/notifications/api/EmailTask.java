package dev.mercado.notifications.api;

import java.util.UUID;

/**
 * One e-mail to deliver. The content lives in notifications' database under {@code taskId}, which
 * is also the idempotency key: a worker that receives a task already sent acknowledges it and sends
 * nothing.
 *
 * @param taskId the notification's id, also the AMQP message id and the e-mail's Message-ID
 * @param orderId the order the e-mail is about
 */
public record EmailTask(UUID taskId, UUID orderId) {}
