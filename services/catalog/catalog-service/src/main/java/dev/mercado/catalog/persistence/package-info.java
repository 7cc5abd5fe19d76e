/** JDBC adapters for catalog's own database. */
package dev.mercado.catalog.persistence;
