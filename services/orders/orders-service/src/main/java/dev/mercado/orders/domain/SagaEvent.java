package dev.mercado.orders.domain;

/** What can happen to an order's saga: an answer from a participant, or a missed deadline. */
public sealed interface SagaEvent {

  record StockReserved() implements SagaEvent {}

  record StockRejected(String reason) implements SagaEvent {}

  record StockReleased() implements SagaEvent {}

  record PaymentAuthorized() implements SagaEvent {}

  record PaymentDeclined(String reason) implements SagaEvent {}

  record DeadlinePassed() implements SagaEvent {}
}
