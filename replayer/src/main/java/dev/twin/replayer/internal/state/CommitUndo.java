package dev.twin.replayer.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a transaction's local commit changed in a tenant's copy, taken just before it: each written row as it was,
 * the tables' sequences and the next creation position. With shared state a commit is applied to the copy before
 * the store's reply (commits of a tenant are pipelined); one that did not land is taken back with this, so the
 * copy is again what the store holds, at a cost of the rows the transaction wrote (not of the rows the tenant holds).
 */
final class CommitUndo {
    private final List<StateFile.RowChange> rows;
    private final Map<String, Long> sequences;
    /** Tables the commit gave their first overlay. */
    private final List<String> created;
    private final long nextPosition;

    private CommitUndo(List<StateFile.RowChange> rows, Map<String, Long> sequences, List<String> created,
                       long nextPosition) {
        this.rows = rows;
        this.sequences = sequences;
        this.created = created;
        this.nextPosition = nextPosition;
    }

    /** Taken under the tenant's lock, before {@code tables}' writes are applied to {@code state}. */
    static CommitUndo before(TenantState state, TenantTables tables) {
        List<StateFile.RowChange> rows = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, LinkedHashMap<String, Row>> table : tables.pendingWrites().entrySet()) {
            TableOverlay overlay = state.existingOverlay(table.getKey());
            if (overlay == null) {
                created.add(table.getKey());
            }
            for (String id : table.getValue().keySet()) {
                rows.add(overlay == null
                        ? new StateFile.RowChange(table.getKey(), id, StateFile.RowChange.Kind.ABSENT, null, 0)
                        : overlay.stateOf(table.getKey(), id));
            }
        }
        Map<String, Long> sequences = new HashMap<>();
        for (String table : tables.pendingSequences().keySet()) {
            TableOverlay overlay = state.existingOverlay(table);
            if (overlay != null) {
                sequences.put(table, overlay.sequence);
            } else if (!created.contains(table)) {
                created.add(table);
            }
        }
        return new CommitUndo(rows, sequences, created, state.nextPosition);
    }

    /** Puts the copy back as it was before the commit (later commits taken back first). */
    void apply(TenantState state, Map<String, TableDefinition> definitions) {
        for (StateFile.RowChange row : rows) {
            TableDefinition definition = definitions.get(row.table());
            if (definition != null) {
                state.set(definition, row);
            }
        }
        sequences.forEach((table, sequence) -> {
            TableOverlay overlay = state.existingOverlay(table);
            if (overlay != null) {
                overlay.sequence = sequence;
            }
        });
        created.forEach(state.tables::remove);
        state.nextPosition = nextPosition;
    }
}
