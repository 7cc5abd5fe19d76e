/**
 * Test fixtures shared by every module: real infrastructure started once per test JVM ({@link
 * dev.mercado.testkit.Infrastructure}), a stand-in for identity's keys and tokens ({@link
 * dev.mercado.testkit.TestIdentity}) and the architecture rules of a Mercado service ({@link
 * dev.mercado.testkit.ServiceArchitecture}).
 */
package dev.mercado.testkit;
