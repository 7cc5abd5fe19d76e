package dev.mercado.notifications.domain;

/** The order events that produce an e-mail, with the e-mail's wording. */
public enum NotificationKind {
  ORDER_CONFIRMED("Your Mercado order is confirmed", "Thank you: order %s is confirmed. %s"),
  ORDER_CANCELLED("Your Mercado order was cancelled", "Order %s was cancelled: %s"),
  ORDER_REJECTED("Your Mercado order could not be placed", "Order %s was rejected: %s");

  private final String subject;
  private final String bodyTemplate;

  NotificationKind(String subject, String bodyTemplate) {
    this.subject = subject;
    this.bodyTemplate = bodyTemplate;
  }

  public String subject() {
    return subject;
  }

  /** The text of the e-mail about {@code orderId}, with the event's {@code detail}. */
  public String body(String orderId, String detail) {
    return bodyTemplate.formatted(orderId, detail);
  }
}
