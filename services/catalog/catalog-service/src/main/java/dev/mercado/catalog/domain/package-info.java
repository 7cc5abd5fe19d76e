/**
 * Catalog's domain model in plain Java: products with their price and stock, the reservations that
 * hold stock for orders, and the ports to where they are kept.
 */
package dev.mercado.catalog.domain;
