package dev.twin.replayer.internal.state;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything one tenant wrote, table by table, plus when it was last active. Transactions of one tenant run one
 * at a time under {@link #lock}; different tenants run in parallel.
 */
final class TenantState {
    final ReentrantLock lock = new ReentrantLock();
    final Map<String, TableOverlay> tables = new HashMap<>();
    volatile long lastActivityMillis;
    /** The next creation-order position for a tenant-created row. */
    long nextPosition;
    /**
     * Set (under {@link #lock}) when the store dropped this entry because it held nothing: a transaction that
     * waited for the lock must start again with the tenant's current entry, or its writes would go nowhere.
     */
    boolean retired;
    /** Null until first needed (a loaded or copied state counts it then). */
    private TenantUsage usage;
    /** With shared state: the version of the tenant these tables are, null when not synced yet. */
    TenantVersion shared;
    /** With shared state: when ({@link System#nanoTime()}) the last sync that succeeded began. */
    long syncBegan;
    /**
     * With shared state: this replica's commits applied to these tables and sent, oldest first, not yet settled
     * (guarded by {@link #lock}); while any is there, {@link #shared} is the version the last one will make.
     */
    final java.util.ArrayDeque<PendingCommit> unsettled = new java.util.ArrayDeque<>();
    /**
     * With shared state: completed with the next commit this replica sends for the tenant (then replaced, under
     * {@link #lock}). A read that ran on a copy with commits on their way is confirmed by the next commit landing.
     */
    java.util.concurrent.CompletableFuture<PendingCommit> nextSent = new java.util.concurrent.CompletableFuture<>();
    /** Set by a transaction whose commit did not land: the next one takes the commits that did not land back. */
    volatile boolean broken;
    /**
     * Set while the thread holding {@link #lock} may wait for the shared store under it (a sync, a commit waited
     * for): a request on an event loop does not wait for the lock then ({@link LoopAnswer}).
     */
    volatile boolean slowHolder;

    TenantState(long lastActivityMillis) {
        this.lastActivityMillis = lastActivityMillis;
    }

    /** The overlay of a table, created on first write. */
    TableOverlay overlay(TableDefinition table) {
        return tables.computeIfAbsent(table.name(), name -> new TableOverlay(table.firstSequence()));
    }

    /** The overlay of a table, or null when the tenant never wrote to it. */
    TableOverlay existingOverlay(String table) {
        return tables.get(table);
    }

    /** What the tenant holds against its quotas. */
    TenantUsage usage() {
        if (usage == null) {
            usage = TenantUsage.of(this);
        }
        return usage;
    }

    /** A copy that shares the immutable rows; taken under the lock (or when no transaction can run). */
    TenantState copy() {
        TenantState copy = new TenantState(lastActivityMillis);
        copy.nextPosition = nextPosition;
        tables.forEach((name, overlay) -> copy.tables.put(name, overlay.copy()));
        return copy;
    }

    /** Drops one table's writes; false when the tenant had none. */
    boolean dropTable(String table) {
        if (tables.remove(table) == null) {
            return false;
        }
        usage = null;
        return true;
    }

    /** Nothing written: no overlay and no row position taken. A tenant that only ever read holds nothing. */
    boolean holdsNothing() {
        return tables.isEmpty() && nextPosition == 0;
    }

    /** Puts a row key in the state another replica's commit left it in, keeping the usage current. */
    void set(TableDefinition table, StateFile.RowChange change) {
        TableOverlay overlay = overlay(table);
        if (usage != null) {
            usage.add(overlay.heldRow(change.id()), -1);
        }
        overlay.set(table, change);
        if (usage != null) {
            usage.add(overlay.heldRow(change.id()), 1);
        }
    }

    void clear() {
        unsettled.clear();
        broken = false;
        tables.clear();
        nextPosition = 0;
        usage = null;
        shared = null;
    }
}
