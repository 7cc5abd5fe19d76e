/** Notifications' calls to other systems: the SMTP server. */
package dev.mercado.notifications.client;
