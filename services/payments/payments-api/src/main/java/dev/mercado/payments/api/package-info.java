/** Payments' published contract: {@link dev.mercado.payments.api.PaymentsTopics} and its events. */
package dev.mercado.payments.api;
