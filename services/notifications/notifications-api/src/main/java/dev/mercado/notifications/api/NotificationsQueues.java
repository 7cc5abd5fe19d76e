package dev.mercado.notifications.api;

/**
 * AMQP queues of the notifications service (R11): plain durable queues without broker-specific
 * arguments, so the same declarations work on RabbitMQ and on the embedded broker. Retries and
 * dead-lettering are done by the application, not by queue arguments.
 */
public final class NotificationsQueues {

  /**
   * {@link EmailTask}: one e-mail to deliver, consumed by workers with manual acknowledgement. The
   * queue name is also the CloudEvents {@code type} of the work item.
   */
  public static final String EMAIL_TASKS = "notifications.email-tasks";

  /**
   * {@link EmailTaskDead}: tasks that failed every attempt, with the reason, kept until re-driven.
   */
  public static final String EMAIL_TASKS_DEAD = "notifications.email-tasks.dlq";

  private NotificationsQueues() {}
}
