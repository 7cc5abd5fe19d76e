/** The catalog service: what the shop sells, at what price, and how much of it is in stock. */
package dev.mercado.catalog;
