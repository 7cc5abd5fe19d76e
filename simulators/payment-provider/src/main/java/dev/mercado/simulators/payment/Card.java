package dev.mercado.simulators.payment;

import java.util.Arrays;
import java.util.Optional;

/** The test cards the simulator knows, by token: two approve, three decline with a fixed code. */
enum Card {
  VISA("tok_visa", null),
  MASTERCARD("tok_mastercard", null),
  INSUFFICIENT_FUNDS("tok_insufficient_funds", "insufficient_funds"),
  DECLINED("tok_declined", "card_declined"),
  EXPIRED("tok_expired", "expired_card");

  private final String token;
  private final String declineCode;

  Card(String token, String declineCode) {
    this.token = token;
    this.declineCode = declineCode;
  }

  static Optional<Card> byToken(String token) {
    return Arrays.stream(values()).filter(card -> card.token.equals(token)).findFirst();
  }

  String token() {
    return token;
  }

  /** The reason every authorization with this card is declined; empty for a card that approves. */
  Optional<String> declineCode() {
    return Optional.ofNullable(declineCode);
  }
}
