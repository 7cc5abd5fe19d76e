package dev.mercado.simulators.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every message the SMTP port accepted, in arrival order, across SMTP outages. The only store:
 * GreenMail keeps no copy. Bounded, so that a system left running under load stays within a small
 * heap: beyond {@link #CAPACITY} messages the oldest is dropped. Thread-safe.
 */
final class Inbox {

  static final int CAPACITY = 2_000;

  private final Deque<ReceivedMessage> messages = new ArrayDeque<>();
  private final int capacity;
  private boolean full;

  Inbox() {
    this(CAPACITY);
  }

  Inbox(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(ReceivedMessage message) {
    if (messages.size() == capacity) {
      messages.removeFirst();
      if (!full) {
        full = true;
        System.out.println(
            "mail server inbox full: dropping the oldest message for each new one (keeps "
                + capacity
                + "; DELETE /messages empties it)");
      }
    }
    messages.addLast(message);
  }

  /** The messages that match, oldest first. */
  synchronized List<ReceivedMessage> list(MessageFilter filter) {
    return messages.stream().filter(filter::matches).toList();
  }

  synchronized void clear() {
    messages.clear();
    full = false;
  }
}
