/**
 * Test fixtures shared by every module: real infrastructure started once per test JVM ({@link
 * dev.mercado.testkit.Infrastructure}) and the architecture rules of a Mercado service ({@link
 * dev.mercado.testkit.ServiceArchitecture}).
 */
package dev.mercado.testkit;
