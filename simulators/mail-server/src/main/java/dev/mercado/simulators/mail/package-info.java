/**
 * A simulator of the SMTP server Mercado sends its e-mails to, run as its own process: it accepts
 * every message, keeps it in memory for tests to read back over HTTP, and has a fault switch that
 * takes SMTP down on purpose.
 */
package dev.mercado.simulators.mail;
