/**
 * Catalog's HTTP API under /api/v1/catalog, and /api/v2/catalog for what changed its contract:
 * browsing and searching the catalogue, and managing it under admin; RFC 9457 problem details for
 * every error, naming the fields in error; deprecated versions say so in their answers' headers.
 */
package dev.mercado.catalog.web;
