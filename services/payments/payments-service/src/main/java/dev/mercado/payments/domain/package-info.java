/** Payments' domain in plain Java: a payment's lifecycle and the ports to storage and provider. */
package dev.mercado.payments.domain;
