/** JDBC adapters for orders' own database: orders, their history, keys and the product copy. */
package dev.mercado.orders.persistence;
