package dev.mercado.orders.domain;

import java.time.Instant;

/** One step of an order's history: every transition is persisted and published. */
public record Transition(OrderStatus from, OrderStatus to, String reason, Instant at) {}
