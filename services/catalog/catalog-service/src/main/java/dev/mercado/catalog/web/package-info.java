/**
 * Catalog's HTTP API under /api/v1/catalog: browsing and searching the catalogue, and managing it
 * under admin; RFC 9457 problem details for every error, naming the fields in error.
 */
package dev.mercado.catalog.web;
