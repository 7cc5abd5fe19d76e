/**
 * Machinery behind platform-errors' auto-configuration: the problem details of errors no controller
 * raised, written by Tomcat's Host before any servlet runs or by the {@code /error} dispatch.
 */
package dev.mercado.platform.errors.internal;
