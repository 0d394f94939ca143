package dev.twin.replayer.internal.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a tenant's in-memory tables equal to its shared state ({@link SharedState}): turns a transaction's buffered
 * writes into the {@link SharedWrite} that commits them, each row as the local commit will leave it (so every
 * replica holds the same rows at the same creation positions), and applies what a sync brings.
 */
final class TenantMirror {
    private static final char SEPARATOR = '\u0000';
    static final String NEXT_POSITION = "n";
    static final String SEQUENCE = "s:";

    private TenantMirror() {
    }

    /**
     * The shared write of a transaction not yet committed: each written row as {@code StateStore}'s commit will
     * leave it (a row's creation position taken in the same order), the next position and the sequences moved.
     */
    static SharedWrite write(TenantState state, Map<String, TableDefinition> definitions, TenantTables tables,
                             List<SharedEvent> events) {
        long next = state.nextPosition;
        List<StoredRow> rows = new ArrayList<>();
        for (Map.Entry<String, LinkedHashMap<String, Row>> table : tables.pendingWrites().entrySet()) {
            TableDefinition definition = definitions.get(table.getKey());
            TableOverlay overlay = state.existingOverlay(table.getKey());
            for (Map.Entry<String, Row> write : table.getValue().entrySet()) {
                String id = write.getKey();
                Row row = write.getValue();
                StateFile.RowChange change;
                if (row != null) {
                    long position = next++;
                    boolean visibleSeed = overlay == null ? definition.seeds().containsKey(id)
                            : overlay.isVisibleSeed(definition, id);
                    TableOverlay.Placed existing = overlay == null ? null : overlay.own.get(id);
                    change = visibleSeed
                            ? new StateFile.RowChange(definition.name(), id, StateFile.RowChange.Kind.SEED, row, 0)
                            : new StateFile.RowChange(definition.name(), id, StateFile.RowChange.Kind.OWN, row,
                            existing == null ? position : existing.position());
                } else {
                    change = new StateFile.RowChange(definition.name(), id, definition.seeds().containsKey(id)
                            ? StateFile.RowChange.Kind.DELETED_SEED : StateFile.RowChange.Kind.ABSENT, null, 0);
                }
                rows.add(new StoredRow(key(definition.name(), id),
                        change.kind() == StateFile.RowChange.Kind.ABSENT ? null : StateCodec.rowState(change)));
            }
        }
        Map<String, String> meta = new HashMap<>();
        meta.put(NEXT_POSITION, Long.toString(next));
        tables.pendingSequences().forEach((table, sequence) -> meta.put(SEQUENCE + table, Long.toString(sequence)));
        return new SharedWrite(meta, rows, events, tables.answerToRemember());
    }

    /** Applies a sync: the whole tenant anew, or the rows other replicas changed (new rows in creation order). */
    static void apply(TenantState state, Map<String, TableDefinition> definitions, TenantSync sync) {
        if (sync.whole()) {
            state.clear();
        }
        sync.meta().forEach((name, value) -> {
            if (name.equals(NEXT_POSITION)) {
                state.nextPosition = Long.parseLong(value);
            } else if (name.startsWith(SEQUENCE)) {
                TableDefinition table = definitions.get(name.substring(SEQUENCE.length()));
                if (table != null) {
                    state.overlay(table).sequence = Long.parseLong(value);
                }
            }
        });
        List<StateFile.RowChange> changes = new ArrayList<>(sync.rows().size());
        for (StoredRow stored : sync.rows()) {
            int separator = stored.key().indexOf(SEPARATOR);
            String table = stored.key().substring(0, separator);
            String id = stored.key().substring(separator + 1);
            if (!definitions.containsKey(table)) {
                continue; // a table no longer configured
            }
            changes.add(stored.value() == null
                    ? new StateFile.RowChange(table, id, StateFile.RowChange.Kind.ABSENT, null, 0)
                    : StateCodec.rowState(table, id, stored.value()));
        }
        // rows new to this replica go last in list order: in the order they were created
        changes.sort(Comparator.comparingLong(change -> change.kind() == StateFile.RowChange.Kind.OWN
                ? change.position() : Long.MIN_VALUE));
        for (StateFile.RowChange change : changes) {
            state.set(definitions.get(change.table()), change);
        }
        state.shared = sync.at();
    }

    static String key(String table, String id) {
        return table + SEPARATOR + id;
    }
}
