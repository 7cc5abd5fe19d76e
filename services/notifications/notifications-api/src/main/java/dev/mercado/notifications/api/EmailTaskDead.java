package dev.mercado.notifications.api;

import java.util.UUID;

/**
 * A task that failed {@code attempts} times and was parked on {@link
 * NotificationsQueues#EMAIL_TASKS_DEAD}.
 *
 * @param reason the last failure, e.g. {@code smtp: Connection refused}
 */
public record EmailTaskDead(UUID taskId, UUID orderId, int attempts, String reason) {}
