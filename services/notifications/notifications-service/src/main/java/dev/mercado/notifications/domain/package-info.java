/** What notifications knows without any framework: notifications, their states and retry timing. */
package dev.mercado.notifications.domain;
