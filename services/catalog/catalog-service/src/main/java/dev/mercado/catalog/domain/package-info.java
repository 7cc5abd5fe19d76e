/** Catalog's domain model in plain Java: products, money and the repository port. */
package dev.mercado.catalog.domain;
