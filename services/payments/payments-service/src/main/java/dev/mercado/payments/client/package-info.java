/** Payments' calls to the external payment provider over HTTP. */
package dev.mercado.payments.client;
