/**
 * Catalog's use cases, each one transaction: reading and changing the catalogue, and reserving,
 * releasing and committing stock for orders. Events leave only through the outbox.
 */
package dev.mercado.catalog.application;
