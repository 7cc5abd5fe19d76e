/**
 * Catalog's published contract: {@link dev.mercado.catalog.api.CatalogTopics} and the payloads of
 * its events. Consumers depend on this module, never on catalog-service (P3).
 */
package dev.mercado.catalog.api;
