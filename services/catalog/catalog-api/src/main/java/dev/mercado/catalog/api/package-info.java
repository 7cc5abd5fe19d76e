/**
 * Catalog's published contract: {@link dev.mercado.catalog.api.CatalogTopics}, the payloads of its
 * events, and the versioned HTTP payloads other modules read ({@link
 * dev.mercado.catalog.api.ProductV2}). Consumers depend on this module, never on catalog-service
 * (P3).
 */
package dev.mercado.catalog.api;
