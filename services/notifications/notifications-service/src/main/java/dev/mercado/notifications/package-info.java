/** The notifications service: messages to customers about their orders. */
package dev.mercado.notifications;
