package dev.twin.replayer.internal.custom;

import dev.twin.replayer.internal.state.Row;
import org.apache.commons.jexl3.MapContext;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one custom-operation run ({@code input}, {@code request}, {@code magic} and each step's
 * {@code as}), plus which plain maps stand for which table rows, so a response or a stored field that names a row
 * is shaped by that table's conventions. An operation a {@code call} step runs gets a {@link #child} scope: its own
 * variables, the same rows.
 */
final class Scope {
    /** A variable that holds a row of a table. */
    record RowRef(String table, Row row) {
    }

    private final MapContext variables = new MapContext();
    private final Map<Object, RowRef> rows;
    private final Map<String, RowRef> rowsByVariable = new HashMap<>();

    Scope() {
        this(new IdentityHashMap<>());
    }

    private Scope(Map<Object, RowRef> rows) {
        this.rows = rows;
    }

    /** A scope with no variables of its own that knows the same rows (for a called operation). */
    Scope child() {
        return new Scope(rows);
    }

    MapContext variables() {
        return variables;
    }

    Object get(String name) {
        return variables.get(name);
    }

    void set(String name, Object value) {
        variables.set(name, value);
        RowRef ref = value == null ? null : rows.get(value);
        if (ref != null) {
            rowsByVariable.put(name, ref);
        } else {
            rowsByVariable.remove(name);
        }
    }

    /** Remembers that {@code plain} (a map a step made of the row) stands for the row. */
    void register(Object plain, String table, Row row) {
        rows.put(plain, new RowRef(table, row));
    }

    /** The row a value stands for, when it is exactly a bound row map. */
    RowRef rowOf(Object value) {
        return value == null ? null : rows.get(value);
    }

    /** Variables holding the given row (rebound after an update without {@code as}). */
    List<String> variablesHolding(String table, String id) {
        return rowsByVariable.entrySet().stream()
                .filter(e -> e.getValue().table().equals(table) && e.getValue().row().id().equals(id))
                .map(Map.Entry::getKey).toList();
    }
}
