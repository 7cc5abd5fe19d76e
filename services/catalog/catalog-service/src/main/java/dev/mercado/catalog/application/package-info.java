/** Catalog's use cases, each one transaction. */
package dev.mercado.catalog.application;
