/** Notifications' transactional use cases: turning order events into tasks, delivering tasks. */
package dev.mercado.notifications.application;
