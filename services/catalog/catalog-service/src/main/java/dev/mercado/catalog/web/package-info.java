/** Catalog's HTTP API under /api/v1/catalog, with RFC 9457 problem details for every error. */
package dev.mercado.catalog.web;
