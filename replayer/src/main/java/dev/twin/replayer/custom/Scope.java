package dev.twin.replayer.custom;

import dev.twin.replayer.state.Row;
import org.apache.commons.jexl3.MapContext;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The variables of one custom-operation run ({@code input}, {@code request}, {@code nonce} and each step's
 * {@code as}), plus which plain maps stand for which table rows, so a response that names a row is shaped by that
 * table's conventions.
 */
final class Scope {
    /** A variable that holds a row of a table. */
    record RowRef(String table, Row row) {
    }

    private final MapContext variables = new MapContext();
    private final Map<Object, RowRef> rows = new IdentityHashMap<>();
    private final Map<String, RowRef> rowsByVariable = new java.util.HashMap<>();

    MapContext variables() {
        return variables;
    }

    void set(String name, Object value) {
        variables.set(name, value);
        rowsByVariable.remove(name);
    }

    /** Binds {@code name} to the row's data as a plain map and remembers where it came from. */
    void setRow(String name, String table, Row row, Object plain) {
        variables.set(name, plain);
        RowRef ref = new RowRef(table, row);
        rows.put(plain, ref);
        rowsByVariable.put(name, ref);
    }

    /** The row a value stands for, when it is exactly a bound row map. */
    RowRef rowOf(Object value) {
        return value == null ? null : rows.get(value);
    }

    /** Variables holding the given row (rebound after an update without {@code as}). */
    java.util.List<String> variablesHolding(String table, String id) {
        return rowsByVariable.entrySet().stream()
                .filter(e -> e.getValue().table().equals(table) && e.getValue().row().id().equals(id))
                .map(Map.Entry::getKey).toList();
    }
}
