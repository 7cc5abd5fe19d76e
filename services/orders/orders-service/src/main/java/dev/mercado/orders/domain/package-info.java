/**
 * Orders' domain in plain Java: the order aggregate, its saga as an explicit state machine ({@link
 * dev.mercado.orders.domain.OrderSaga}), money and the repository ports.
 */
package dev.mercado.orders.domain;
