package dev.twin.replayer.internal.state;

import java.util.List;

/**
 * A shared state that hands every call to another, for tests that count or hold back some of a replica's calls by
 * overriding them. {@link #send} is left to the interface's default (a commit through {@link #commit}), so a test
 * counting commits sees pipelined ones too; a test that holds back sends overrides it.
 */
abstract class ForwardingSharedState implements SharedState {
    protected final SharedState store;

    ForwardingSharedState(SharedState store) {
        this.store = store;
    }

    @Override
    public TenantSync sync(String tenant, TenantVersion known) {
        return store.sync(tenant, known);
    }

    @Override
    public boolean isCurrent(String tenant, TenantVersion known) {
        return store.isCurrent(tenant, known);
    }

    @Override
    public java.util.concurrent.CompletionStage<Boolean> sendCheck(String tenant, TenantVersion known) {
        return store.sendCheck(tenant, known);
    }

    @Override
    public CommitOutcome commit(String tenant, TenantVersion known, SharedWrite write) {
        return store.commit(tenant, known, write);
    }

    @Override
    public void reset() {
        store.reset();
    }

    @Override
    public TenantVersion resetTenant(String tenant) {
        return store.resetTenant(tenant);
    }

    @Override
    public void resetTable(String tenantOrNull, String table) {
        store.resetTable(tenantOrNull, table);
    }

    @Override
    public void saveSnapshot(String name) {
        store.saveSnapshot(name);
    }

    @Override
    public boolean restoreSnapshot(String name) {
        return store.restoreSnapshot(name);
    }

    @Override
    public List<String> snapshots() {
        return store.snapshots();
    }

    @Override
    public List<String> tenants() {
        return store.tenants();
    }

    @Override
    public SharedIdempotency idempotency() {
        return store.idempotency();
    }

    @Override
    public SharedBuckets rateLimits() {
        return store.rateLimits();
    }

    @Override
    public SharedDeliveries deliveries() {
        return store.deliveries();
    }

    @Override
    public SharedCursors replayCursors() {
        return store.replayCursors();
    }

    @Override
    public StateHealth health() {
        return store.health();
    }

    @Override
    public int busyThreads() {
        return store.busyThreads();
    }

    @Override
    public void close() {
        store.close();
    }
}
