/** Orders' HTTP API under /api/v1/orders, with problem details for every error. */
package dev.mercado.orders.web;
