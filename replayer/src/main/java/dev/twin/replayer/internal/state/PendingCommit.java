package dev.twin.replayer.internal.state;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A commit of this replica applied to a tenant's copy and sent to the shared store, its outcome still to be
 * settled. The transaction that made it waits for the outcome (outside the tenant's lock), tells the listener
 * once it landed, after the commit before it was told ({@link #told}, so events are logged in commit order), and
 * marks the tenant's copy broken if it did not land; the next transaction of the tenant then takes back, under the
 * lock, every commit of the copy that did not land ({@link CommitUndo}).
 */
final class PendingCommit {
    static final CompletableFuture<Void> NOTHING_BEFORE = CompletableFuture.completedFuture(null);

    /** The version the copy was at when the commit was made (what it was sent as based on). */
    final TenantVersion base;
    final SentCommit sent;
    private final CompletableFuture<CommitOutcome> outcome;
    /** When ({@link System#nanoTime()}) it was sent: once it landed, the copy was current at a moment after that. */
    final long sentAt;
    final CommitUndo undo;
    final List<RowChange> changes;
    final List<SharedEvent> events;
    /** Completed once the commit before this one was settled by its transaction. */
    final CompletableFuture<Void> before;
    /** Completed once this one is settled by its transaction: told to the listener if it landed. */
    final CompletableFuture<Void> told = new CompletableFuture<>();

    PendingCommit(TenantVersion base, SentCommit sent, long sentAt, CommitUndo undo, List<RowChange> changes,
                  List<SharedEvent> events, CompletableFuture<Void> before) {
        this.base = base;
        this.sent = sent;
        this.outcome = sent.outcome().toCompletableFuture();
        this.sentAt = sentAt;
        this.undo = undo;
        this.changes = changes;
        this.events = events;
        this.before = before;
    }

    /** The outcome when it came and the commit landed; null while on its way, or when it did not land. */
    CommitOutcome landed() {
        CommitOutcome done = outcomeNow();
        return done != null && done.isApplied() ? done : null;
    }

    boolean isDone() {
        return outcome.isDone();
    }

    /** The outcome when it came and is a refusal with what was missed; else null. */
    CommitOutcome refusedWithChanges() {
        CommitOutcome done = outcomeNow();
        return done != null && done.missed() != null ? done : null;
    }

    /** The store's reply to come. */
    CompletableFuture<CommitOutcome> outcome() {
        return outcome;
    }

    /** A failure of the outcome as the store threw it. */
    static Throwable cause(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    /** Waits for the outcome; a failure is thrown as the store threw it. */
    CommitOutcome await() {
        try {
            return outcome.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private CommitOutcome outcomeNow() {
        return outcome.isDone() && !outcome.isCompletedExceptionally() ? outcome.getNow(null) : null;
    }
}
