/** Notifications' HTTP API: what was sent for an order. */
package dev.mercado.notifications.web;
