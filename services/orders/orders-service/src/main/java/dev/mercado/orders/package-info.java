/** The orders service: orders and the checkout saga that orchestrates them. */
package dev.mercado.orders;
