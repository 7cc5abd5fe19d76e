/** The notifications service's published contract: queue names, work items and the HTTP view. */
package dev.mercado.notifications.api;
