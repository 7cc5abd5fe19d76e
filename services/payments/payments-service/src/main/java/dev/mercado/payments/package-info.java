/** The payments service: payments taken through an external payment provider, and refunds. */
package dev.mercado.payments;
