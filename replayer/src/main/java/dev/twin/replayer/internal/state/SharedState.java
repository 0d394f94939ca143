package dev.twin.replayer.internal.state;

import java.util.List;

/**
 * State kept outside this process and shared by every replica of a twin (Redis, in module twin-state-redis): the
 * tables of every tenant with their minted-id counters and events, snapshots, idempotency records, rate-limit
 * buckets and webhook deliveries. A {@link StateStore} opened over it keeps each tenant's tables in memory as a
 * cache: a transaction runs against that copy; a read is answered once the store confirms the copy is current
 * ({@link #isCurrent}), a write commits with an optimistic check of the version it read ({@link #commit}), so no two
 * replicas ever apply a transaction to the same version of a tenant, and a commit either lands whole or not at all.
 * A replica that is behind catches up with {@link #sync} (or with what a refused commit returns) and runs again.
 *
 * <p>Every method but {@link #send} and {@link #sendCheck} may wait for a network round trip, so none is called on an
 * event loop (a request answered there goes to a worker first: {@link LoopAnswer}). Each throws a
 * {@link StateException} of kind {@code UNAVAILABLE} when the store cannot be reached in time: the request is
 * answered 503 and nothing of it was applied.
 */
public interface SharedState extends AutoCloseable {

    /**
     * What was committed for the tenant since {@code known}: nothing, the rows and events that changed, or (when
     * {@code known} is null or of an older epoch: after a reset or a restore) the whole tenant.
     */
    TenantSync sync(String tenant, TenantVersion known);

    /**
     * Whether the tenant is still at {@code known} (nothing committed since by any replica): a look at its version
     * only, no rows move. Refreshes the tenant's expiry as a sync does.
     */
    boolean isCurrent(String tenant, TenantVersion known);

    /**
     * {@link #isCurrent} without waiting: completes with its answer, or fails as it throws. This default asks on
     * another thread; a store that can ask without a thread of its own does so.
     */
    default java.util.concurrent.CompletionStage<Boolean> sendCheck(String tenant, TenantVersion known) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> isCurrent(tenant, known));
    }

    /**
     * Applies {@code write} when the tenant is still at {@code known}; when another replica committed first,
     * applies nothing and returns what was committed since {@code known} (the caller applies it as a sync and runs
     * its transaction again).
     *
     * @throws AlreadyAnswered the write's idempotency key holds an answer already (nothing was applied)
     */
    CommitOutcome commit(String tenant, TenantVersion known, SharedWrite write);

    /**
     * Sends {@code write} as {@link #commit} would, without waiting for its outcome; never blocks. When
     * {@code follows} names a commit sent before (its {@link SentCommit#token()}, {@code known} then being its
     * {@link SentCommit#expected()} version), the store applies this one only if that one landed and nothing else
     * since ({@link CommitOutcome#stale()} otherwise): commits of one tenant sent one after another land in that
     * order or not at all. This default waits for {@link #commit} (on a worker: {@link LoopAnswer#beforeWait}): a store
     * that cannot pipeline is never followed.
     */
    default SentCommit send(String tenant, TenantVersion known, String follows, SharedWrite write) {
        if (follows != null) {
            throw new IllegalStateException("this store cannot follow a commit that has not landed");
        }
        LoopAnswer.beforeWait();
        java.util.concurrent.CompletableFuture<CommitOutcome> outcome = new java.util.concurrent.CompletableFuture<>();
        try {
            outcome.complete(commit(tenant, known, write));
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
        CommitOutcome done = outcome.getNow(null);
        return new SentCommit(null, done != null && done.isApplied() ? done.applied() : known, outcome);
    }

    /** Every tenant's tables, events and idempotency records gone at once (a new epoch); snapshots stay. */
    void reset();

    /**
     * One tenant's tables, events, idempotency records and rate-limit buckets gone.
     *
     * @return the tenant's version just after, empty (a replica may take its copy as that, without a sync), or null
     *         when the store cannot tell
     */
    TenantVersion resetTenant(String tenant);

    /** One table back to its seed rows, for one tenant or (null) for all. */
    void resetTable(String tenantOrNull, String table);

    /** Saves every tenant's tables under {@code name}, replacing an older snapshot of that name. */
    void saveSnapshot(String name);

    /** Replaces every tenant's tables by the snapshot's (events stay); false when there is no such snapshot. */
    boolean restoreSnapshot(String name);

    /** Snapshot names, sorted. */
    List<String> snapshots();

    /** Tenants holding writes, sorted. */
    List<String> tenants();

    SharedIdempotency idempotency();

    SharedBuckets rateLimits();

    SharedDeliveries deliveries();

    SharedCursors replayCursors();

    /** Whether the store answers now, for {@code /__twin/health}; never throws. */
    StateHealth health();

    /**
     * Threads of its own the store's client keeps busy in proportion to the load (its network I/O: writing commits,
     * reading replies, completing what waited on them); the server runs that many event loops fewer, so that the
     * replica's busy threads do not outnumber the cores. Default: none.
     */
    default int busyThreads() {
        return 0;
    }

    @Override
    void close();
}
