/** Journeys across the whole running system, started once per test run through ./mercado. */
package dev.mercado.systemtests;
