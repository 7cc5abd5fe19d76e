/** Notifications' JDBC adapters over its own database. */
package dev.mercado.notifications.persistence;
