/** Payments' use cases, each one transaction with the events it publishes. */
package dev.mercado.payments.application;
