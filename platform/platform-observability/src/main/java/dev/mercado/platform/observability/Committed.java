package dev.mercado.platform.observability;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business metrics count what happened, not what was attempted (O1): a change counted inside a
 * transaction is counted only once that transaction commits, so a rollback or a redelivered message
 * that is rolled back counts nothing.
 */
public final class Committed {

  private Committed() {}

  /**
   * Runs {@code count} after the current transaction commits (never if it rolls back), or at once
   * when no transaction is active.
   */
  public static void afterCommit(Runnable count) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      count.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            count.run();
          }
        });
  }
}
