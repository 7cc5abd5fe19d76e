package dev.mercado.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R11, R12: a notification's delivery states. */
class NotificationTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(5);

  private final Notification queued =
      Notification.queued(
          UUID.randomUUID(),
          "event-1",
          UUID.randomUUID(),
          NotificationKind.ORDER_CONFIRMED,
          "c-1@customers.mercado.example",
          "Total: 25.00 EUR.",
          NOW);

  @Test
  void aNewNotificationIsQueuedWithItsWording() {
    assertThat(queued.status()).isEqualTo(NotificationStatus.QUEUED);
    assertThat(queued.deliverable()).isTrue();
    assertThat(queued.subject()).isEqualTo("Your Mercado order is confirmed");
    assertThat(queued.body()).contains(queued.orderId().toString()).contains("25.00 EUR");
  }

  @Test
  void aSentNotificationCountsItsAttemptAndIsNoLongerDeliverable() {
    Notification sent = queued.sent(LATER);

    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sentAt()).isEqualTo(LATER);
    assertThat(sent.deliverable()).isFalse();
  }

  @Test
  void aFailedAttemptWaitsForItsRetryUntilTheLastThenIsDead() {
    Notification first = queued.failed("smtp: refused", 3, LATER);
    assertThat(first.status()).isEqualTo(NotificationStatus.RETRY_WAIT);
    assertThat(first.nextAttemptAt()).isEqualTo(LATER);
    assertThat(first.deliverable()).isFalse();

    Notification second = first.requeued().failed("smtp: refused", 3, LATER);
    Notification third = second.requeued().failed("smtp: timeout", 3, LATER);

    assertThat(second.attempts()).isEqualTo(2);
    assertThat(third.status()).isEqualTo(NotificationStatus.DEAD);
    assertThat(third.attempts()).isEqualTo(3);
    assertThat(third.lastError()).isEqualTo("smtp: timeout");
    assertThat(third.nextAttemptAt()).isNull();
  }

  @Test
  void aDueRetryKeepsItsAttemptsAndARedrivenDeadOneStartsAgain() {
    Notification waiting = queued.failed("smtp: refused", 3, LATER);
    Notification dead = queued.failed("x", 1, LATER);

    assertThat(waiting.requeued().attempts()).isEqualTo(1);
    assertThat(waiting.requeued().deliverable()).isTrue();
    assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
    assertThat(dead.requeued().attempts()).isZero();
    assertThat(dead.requeued().status()).isEqualTo(NotificationStatus.QUEUED);
  }
}
