/**
 * Orders' published contract: {@link dev.mercado.orders.api.OrdersTopics}, the saga's commands to
 * catalog and payments, and the order's lifecycle events.
 */
package dev.mercado.orders.api;
