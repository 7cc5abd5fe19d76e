package dev.mercado.notifications.api;

import static dev.mercado.testkit.EventContracts.assertExampleMatches;

import org.junit.jupiter.api.Test;

/** Each checked-in example is what notifications' work item records read and write (P5). */
class EventExamplesTest {

  @Test
  void everyExampleMatchesItsPayloadRecord() {
    assertExampleMatches(NotificationsQueues.EMAIL_TASKS, EmailTask.class);
    assertExampleMatches(NotificationsQueues.EMAIL_TASKS_DEAD, EmailTaskDead.class);
  }
}
