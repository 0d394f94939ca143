package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The {@code --state FILE}: a MapDB file mirroring the in-memory state, which stays authoritative. Commits hand
 * their changes to a single writer thread that applies them in order and commits MapDB's write-ahead log once per
 * batch (group commit), so request threads never wait for the disk. Durability window: a committed change is on
 * disk once the writer has drained the batch it is in (normally within milliseconds); {@link #close()} drains
 * everything, a crash loses at most the batch being written, never leaves the file half-updated.
 *
 * <p>Layout: {@code rows} maps {@code tenant NUL table NUL id} to the row as the tenant has it (its own row with
 * its creation position, a replaced seed row, or a deleted seed id); {@code tenants} holds each tenant's last
 * activity, next position and id sequences; {@code snapshots} holds each named snapshot as one JSON document.
 */
final class StateFile implements AutoCloseable {
    private static final char SEPARATOR = '\u0000';

    /** The current state of one row key after a commit. */
    record RowChange(String table, String id, Kind kind, Row row, long position) {
        enum Kind { OWN, SEED, DELETED_SEED, ABSENT }
    }

    /** A tenant's bookkeeping after a commit. */
    record TenantMeta(long lastActivityMillis, long nextPosition, Map<String, Long> sequences) {
    }

    /** What was in the file when it was opened. */
    record Contents(Map<String, TenantState> tenants, Map<String, String> snapshots) {
    }

    /** One tenant's commit; coalesced with the others of its batch. */
    private record TenantWrite(String tenant, TenantMeta meta, List<RowChange> changes) implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("applied by the writer's batch, never run alone");
        }
    }

    private record FlushMarker(CountDownLatch committed) implements Runnable {
        @Override
        public void run() {
        }
    }

    private final Path path;
    private final DB db;
    private final HTreeMap<String, String> rows;
    private final HTreeMap<String, String> tenants;
    private final HTreeMap<String, String> snapshots;
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;
    private final Runnable stop = () -> { };

    private StateFile(Path path) {
        this.path = path;
        this.db = openDb(path);
        this.rows = db.hashMap("rows", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.tenants = db.hashMap("tenants", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.snapshots = db.hashMap("snapshots", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.writer = new Thread(this::drain, "twin-state-writer");
        writer.setDaemon(true);
    }

    /**
     * @throws UncheckedIOException naming the file when another process holds it or it is not a state file
     */
    static StateFile open(Path path) {
        StateFile file = new StateFile(path);
        file.writer.start();
        return file;
    }

    private static DB openDb(Path path) {
        try {
            // Memory-mapped hash maps: several times faster than the default file access and B-trees here.
            return DBMaker.fileDB(path.toFile()).fileMmapEnableIfSupported().transactionEnable().make();
        } catch (DBException.FileLocked e) {
            throw new UncheckedIOException(new IOException("the state file " + path
                    + " is in use by another process (another twin serve?)", e));
        } catch (DBException e) {
            throw new UncheckedIOException(new IOException("the state file " + path + " cannot be opened: "
                    + e.getMessage(), e));
        }
    }

    /** Reads everything back; rows of tables no longer configured are skipped. */
    Contents load(Map<String, TableDefinition> definitions) {
        Map<String, TenantState> loaded = new HashMap<>();
        tenants.forEach((tenant, json) -> {
            JsonNode meta = StateCodec.read(json);
            TenantState state = new TenantState(meta.get("a").asLong());
            state.nextPosition = meta.get("n").asLong();
            meta.get("s").fields().forEachRemaining(sequence -> {
                TableDefinition table = definitions.get(sequence.getKey());
                if (table != null) {
                    state.overlay(table).sequence = sequence.getValue().asLong();
                }
            });
            loaded.put(tenant, state);
        });
        Map<TableOverlay, List<TableOverlay.Placed>> ownRows = new LinkedHashMap<>();
        rows.forEach((key, json) -> {
            String[] parts = key.split(String.valueOf(SEPARATOR), 3);
            TableDefinition table = definitions.get(parts[1]);
            if (table == null) {
                return;
            }
            TableOverlay overlay = loaded.computeIfAbsent(parts[0], tenant -> new TenantState(0)).overlay(table);
            RowChange change = StateCodec.rowState(parts[1], parts[2], json);
            switch (change.kind()) {
                case OWN -> ownRows.computeIfAbsent(overlay, o -> new ArrayList<>())
                        .add(new TableOverlay.Placed(change.row(), change.position()));
                case SEED -> overlay.seedOverrides.put(parts[2], change.row());
                case DELETED_SEED -> overlay.deletedSeeds.add(parts[2]);
                default -> { }
            }
        });
        ownRows.forEach((overlay, placed) -> {
            placed.sort(Comparator.comparingLong(TableOverlay.Placed::position));
            placed.forEach(p -> overlay.own.put(p.row().id(), p));
        });
        return new Contents(loaded, new HashMap<>(snapshots));
    }

    void writeTenant(String tenant, TenantMeta meta, List<RowChange> changes) {
        submit(new TenantWrite(tenant, meta, changes));
    }

    void dropTenant(String tenant) {
        submit(() -> {
            tenants.remove(tenant);
            removeKeysStartingWith(tenant + SEPARATOR);
        });
    }

    void dropTable(String tenant, TenantMeta meta, String table) {
        submit(() -> {
            tenants.put(tenant, meta(meta));
            removeKeysStartingWith(tenant + SEPARATOR + table + SEPARATOR);
        });
    }

    /** Replaces all tenants' state (reset, snapshot restore); {@code state} must not change afterwards. */
    void replaceAll(Map<String, TenantState> state) {
        submit(() -> {
            rows.clear();
            tenants.clear();
            state.forEach((tenant, tenantState) -> {
                tenants.put(tenant, meta(metaOf(tenantState)));
                tenantState.tables.forEach((table, overlay) -> {
                    overlay.seedOverrides.forEach((id, row) -> rows.put(key(tenant, table, id),
                            value(new RowChange(table, id, RowChange.Kind.SEED, row, 0))));
                    overlay.deletedSeeds.forEach(id -> rows.put(key(tenant, table, id),
                            value(new RowChange(table, id, RowChange.Kind.DELETED_SEED, null, 0))));
                    overlay.own.forEach((id, placed) -> rows.put(key(tenant, table, id),
                            value(new RowChange(table, id, RowChange.Kind.OWN, placed.row(), placed.position()))));
                });
            });
        });
    }

    void putSnapshot(String name, Map<String, TenantState> state) {
        submit(() -> snapshots.put(name, StateCodec.tenants(state)));
    }

    /** Waits until every change handed over so far is committed to the file. */
    void flush() {
        FlushMarker marker = new FlushMarker(new CountDownLatch(1));
        submit(marker);
        try {
            marker.committed().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static TenantMeta metaOf(TenantState state) {
        Map<String, Long> sequences = new HashMap<>();
        state.tables.forEach((table, overlay) -> sequences.put(table, overlay.sequence));
        return new TenantMeta(state.lastActivityMillis, state.nextPosition, sequences);
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        queue.add(stop);
        closing = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }

    private void submit(Runnable change) {
        if (closing) {
            throw new IllegalStateException("state file " + path + " is closed");
        }
        queue.add(change);
    }

    private void drain() {
        boolean stopped = false;
        while (!stopped) {
            List<Runnable> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() ends the writer, after draining
            }
            queue.drainTo(batch);
            stopped = batch.contains(stop);
            try {
                apply(batch);
                db.commit();
            } catch (RuntimeException e) {
                System.err.println("twin: could not write the state file " + path + ": " + e);
            }
            batch.stream().filter(FlushMarker.class::isInstance)
                    .forEach(marker -> ((FlushMarker) marker).committed().countDown());
        }
    }

    /**
     * Runs a batch in order, coalescing consecutive commits: a row or tenant written several times is put once,
     * with its last value. Whole-store changes (drops, replace-all) apply the coalesced writes before them first.
     */
    private void apply(List<Runnable> batch) {
        Map<String, String> rowWrites = new LinkedHashMap<>();
        Map<String, String> tenantWrites = new LinkedHashMap<>();
        for (Runnable change : batch) {
            if (change instanceof TenantWrite write) {
                tenantWrites.put(write.tenant(), meta(write.meta()));
                for (RowChange row : write.changes()) {
                    rowWrites.put(key(write.tenant(), row.table(), row.id()),
                            row.kind() == RowChange.Kind.ABSENT ? null : value(row));
                }
            } else {
                store(rowWrites, tenantWrites);
                change.run();
            }
        }
        store(rowWrites, tenantWrites);
    }

    private void store(Map<String, String> rowWrites, Map<String, String> tenantWrites) {
        tenants.putAll(tenantWrites);
        rowWrites.forEach((key, value) -> {
            if (value == null) {
                rows.remove(key);
            } else {
                rows.put(key, value);
            }
        });
        rowWrites.clear();
        tenantWrites.clear();
    }

    private void removeKeysStartingWith(String prefix) {
        List<String> keys = rows.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
        keys.forEach(rows::remove);
    }

    private static String key(String tenant, String table, String id) {
        return tenant + SEPARATOR + table + SEPARATOR + id;
    }

    private static String meta(TenantMeta meta) {
        ObjectNode node = StateCodec.JSON.createObjectNode();
        node.put("a", meta.lastActivityMillis());
        node.put("n", meta.nextPosition());
        ObjectNode sequences = node.putObject("s");
        meta.sequences().forEach(sequences::put);
        return StateCodec.write(node);
    }

    private static String value(RowChange change) {
        return StateCodec.rowState(change);
    }
}
