/** The machinery of platform-health: check wrappers and their scheduler. */
package dev.mercado.platform.health.internal;
