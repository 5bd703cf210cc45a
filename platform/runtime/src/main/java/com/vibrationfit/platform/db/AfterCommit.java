package com.vibrationfit.platform.db;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed (never after a rollback): how a worker that polls
 * (the outbox relay, the narration workers, the object sweeper) is woken at once for what the commit queued.
 */
public record AfterCommit(Runnable action) implements Synchronization {

    /** Registers {@code action} on the current transaction. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new AfterCommit(action));
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            action.run();
        }
    }
}
