package dev.twin.replayer.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's writes to one table, laid over the shared seed rows (copy-on-write): replaced seed rows, deleted
 * seed ids, and the tenant's own rows in creation order. Guarded by the tenant's lock.
 */
final class TableOverlay {
    /** A tenant-created row and its place in creation order (kept so a restart restores the order). */
    record Placed(Row row, long position) {
    }

    final Map<String, Row> seedOverrides = new HashMap<>();
    final Set<String> deletedSeeds = new HashSet<>();
    final LinkedHashMap<String, Placed> own = new LinkedHashMap<>();
    long sequence;
    /** The listed order over seeds and own rows; built on first use (after a load or a copy), then kept current. */
    private OrderIndex order;
    /** The rows by the fields lists filter by; built on first use like {@link #order}, then kept current. */
    private FilterIndexes filters;

    TableOverlay(long sequence) {
        this.sequence = sequence;
    }

    TableOverlay copy() {
        TableOverlay copy = new TableOverlay(sequence);
        copy.seedOverrides.putAll(seedOverrides);
        copy.deletedSeeds.addAll(deletedSeeds);
        copy.own.putAll(own);
        return copy;
    }

    Row get(TableDefinition table, String id) {
        Placed placed = own.get(id);
        if (placed != null) {
            return placed.row();
        }
        Row seed = table.seeds().get(id);
        if (seed == null || deletedSeeds.contains(id)) {
            return null;
        }
        return seedOverrides.getOrDefault(id, seed);
    }

    /** The order lists use, built from {@link #rows} the first time it is asked for. */
    OrderIndex order(TableDefinition table) {
        if (order == null) {
            OrderIndex built = new OrderIndex();
            rows(table).forEach(row -> built.add(row.id(), row.isListed()));
            order = built;
        }
        return order;
    }

    /** The indexes lists filter by, built from {@link #rows} when first asked for (or when the fields changed). */
    FilterIndexes filters(TableDefinition table) {
        if (filters == null || !filters.fields().equals(table.filterFields())) {
            FilterIndexes built = new FilterIndexes(table.filterFields());
            if (!built.fields().isEmpty()) {
                rows(table).forEach(row -> built.put(row, key(table, row.id())));
            }
            filters = built;
        }
        return filters;
    }

    /** A row's place in list order: a seed row's among the seeds, a tenant row's creation position after them. */
    private long key(TableDefinition table, String id) {
        Placed placed = own.get(id);
        return placed != null ? placed.position() : table.seedKeys().get(id);
    }

    /** The rows this tenant holds a copy of: its own rows and its replaced seed rows. */
    List<Row> heldRows() {
        List<Row> held = new ArrayList<>(seedOverrides.values());
        own.values().forEach(placed -> held.add(placed.row()));
        return held;
    }

    /** How {@code id} stands in this overlay, as a commit leaves it and {@link #set} puts it back. */
    StateFile.RowChange stateOf(String table, String id) {
        Placed placed = own.get(id);
        if (placed != null) {
            return new StateFile.RowChange(table, id, StateFile.RowChange.Kind.OWN, placed.row(), placed.position());
        }
        if (deletedSeeds.contains(id)) {
            return new StateFile.RowChange(table, id, StateFile.RowChange.Kind.DELETED_SEED, null, 0);
        }
        Row replacedSeed = seedOverrides.get(id);
        if (replacedSeed != null) {
            return new StateFile.RowChange(table, id, StateFile.RowChange.Kind.SEED, replacedSeed, 0);
        }
        return new StateFile.RowChange(table, id, StateFile.RowChange.Kind.ABSENT, null, 0);
    }

    /** The row this tenant holds under {@code id} (its own, or its copy of a seed row), or null. */
    Row heldRow(String id) {
        Placed placed = own.get(id);
        return placed != null ? placed.row() : seedOverrides.get(id);
    }

    List<Row> rows(TableDefinition table) {
        List<Row> rows = new ArrayList<>(table.seeds().size() + own.size());
        appendSeedRows(table, rows);
        for (Placed placed : own.values()) {
            rows.add(placed.row());
        }
        return rows;
    }

    /** Stores a new or replaced row; a seed row keeps its place among the seeds, a new row goes last. */
    void put(TableDefinition table, Row row, long newPosition) {
        if (isVisibleSeed(table, row.id())) {
            seedOverrides.put(row.id(), row);
        } else {
            Placed existing = own.get(row.id());
            own.put(row.id(), new Placed(row, existing == null ? newPosition : existing.position()));
        }
        if (order != null) {
            order.add(row.id(), row.isListed()); // a row already there keeps its place
        }
        if (filters != null) {
            filters.put(row, key(table, row.id()));
        }
    }

    void remove(TableDefinition table, String id) {
        if (own.remove(id) == null && table.seeds().containsKey(id)) {
            deletedSeeds.add(id);
            seedOverrides.remove(id);
        }
        if (order != null) {
            order.remove(id);
        }
        if (filters != null) {
            filters.remove(id);
        }
    }

    /**
     * Puts a row key in the state another replica's commit left it in (shared state), as {@link #put} and
     * {@link #remove} would have here: a row new to this overlay goes last in list order, a known one keeps its
     * place, and a seed row a tenant re-created stays counted as a deleted seed.
     */
    void set(TableDefinition table, StateFile.RowChange change) {
        String id = change.id();
        Row row = change.row();
        boolean seed = table.seeds().containsKey(id);
        switch (change.kind()) {
            case OWN -> {
                boolean isNew = !own.containsKey(id);
                if (seed) {
                    deletedSeeds.add(id);
                    seedOverrides.remove(id);
                }
                own.put(id, new Placed(row, change.position()));
                if (isNew) {
                    forgetPlace(id);
                }
                place(row, change.position());
            }
            case SEED -> {
                own.remove(id);
                seedOverrides.put(id, row);
                place(row, table.seedKeys().get(id));
            }
            case DELETED_SEED -> {
                own.remove(id);
                seedOverrides.remove(id);
                deletedSeeds.add(id);
                forgetPlace(id);
            }
            case ABSENT -> {
                own.remove(id);
                seedOverrides.remove(id);
                forgetPlace(id);
            }
        }
    }

    private void place(Row row, long key) {
        if (order != null) {
            order.add(row.id(), row.isListed());
        }
        if (filters != null) {
            filters.put(row, key);
        }
    }

    private void forgetPlace(String id) {
        if (order != null) {
            order.remove(id);
        }
        if (filters != null) {
            filters.remove(id);
        }
    }

    int count(TableDefinition table) {
        return table.seeds().size() - deletedSeeds.size() + own.size();
    }

    /** Whether {@code id} is a seed row this tenant still sees (replacing it keeps its place among the seeds). */
    boolean isVisibleSeed(TableDefinition table, String id) {
        return table.seeds().containsKey(id) && !deletedSeeds.contains(id) && !own.containsKey(id);
    }

    private void appendSeedRows(TableDefinition table, List<Row> rows) {
        for (Row seed : table.seeds().values()) {
            if (!deletedSeeds.contains(seed.id()) && !own.containsKey(seed.id())) {
                rows.add(seedOverrides.getOrDefault(seed.id(), seed));
            }
        }
    }
}
