/** The catalog service: what the shop sells and at what price. */
package dev.mercado.catalog;
