package dev.mercado.simulators.mail;

import static dev.mercado.simulators.mail.Fixtures.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxTest {

  @Test
  void listsMessagesInArrivalOrder() {
    // given
    Inbox inbox = new Inbox();

    // when
    inbox.add(aMessage("b@example.com", "o-2"));
    inbox.add(aMessage("a@example.com", "o-1"));

    // then
    assertThat(inbox.list(MessageFilter.ALL))
        .extracting(ReceivedMessage::subject)
        .containsExactly("Order o-2", "Order o-1");
  }

  @Test
  void dropsTheOldestMessageBeyondItsCapacity() {
    // given
    Inbox inbox = new Inbox(2);

    // when
    inbox.add(aMessage("a@example.com", "o-1"));
    inbox.add(aMessage("a@example.com", "o-2"));
    inbox.add(aMessage("a@example.com", "o-3"));

    // then
    assertThat(inbox.list(MessageFilter.ALL))
        .extracting(ReceivedMessage::subject)
        .containsExactly("Order o-2", "Order o-3");
  }

  @Test
  void forgetsEveryMessageWhenCleared() {
    // given
    Inbox inbox = new Inbox();
    inbox.add(aMessage("a@example.com", "o-1"));

    // when
    inbox.clear();

    // then
    assertThat(inbox.list(MessageFilter.ALL)).isEmpty();
  }
}
