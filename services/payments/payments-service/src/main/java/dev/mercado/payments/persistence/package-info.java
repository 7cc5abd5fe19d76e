/** JDBC adapters for payments' own database. */
package dev.mercado.payments.persistence;
