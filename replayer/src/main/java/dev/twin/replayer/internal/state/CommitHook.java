package dev.twin.replayer.internal.state;

/**
 * Sees a transaction's writes before they commit, and may add writes of its own to the same transaction
 * (lifecycles set the fields of a state a row enters this way, whatever made it enter). Called on the transaction's
 * thread with the tenant locked, after the transaction's work and only when it wrote something; what it throws
 * fails the whole transaction.
 */
@FunctionalInterface
public interface CommitHook {
    CommitHook NONE = tables -> { };

    /** @param tables the transaction's tables; {@link TenantTables#pendingChanges()} lists its changes so far */
    void beforeCommit(TenantTables tables);
}
