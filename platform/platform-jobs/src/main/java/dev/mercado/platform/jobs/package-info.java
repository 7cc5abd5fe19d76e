/**
 * Scheduled jobs that run once across the instances of a service ({@link
 * dev.mercado.platform.jobs.Jobs}), P3 and R10: the saga's deadline clock, payments'
 * reconciliation, notifications' retries, identity's key rotation, the inbox's and the outbox's
 * clean-ups. A lock row per job in the service's own database (ShedLock), taken with the database's
 * clock.
 */
package dev.mercado.platform.jobs;
