package dev.twin.replayer.internal.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@link FieldIndex}es of one table for one tenant (or of its seeds), one per field lists filter by. Kept
 * current at commit like the {@link OrderIndex}. Not thread-safe: guarded by the owner's lock, or never changed once
 * shared.
 */
final class FilterIndexes {
    private final Set<FilteredField> fields;
    private final Map<String, FieldIndex> byField = new LinkedHashMap<>();

    FilterIndexes(Set<FilteredField> fields) {
        this.fields = Set.copyOf(fields);
        fields.forEach(field -> byField.put(field.name(), new FieldIndex(field)));
    }

    /** The fields indexed (an index built for other fields is rebuilt). */
    Set<FilteredField> fields() {
        return fields;
    }

    /** Files a new or changed row under its current values; {@code key} is its place in list order. */
    void put(Row row, long key) {
        for (FieldIndex index : byField.values()) {
            index.put(row, key);
        }
    }

    void remove(String id) {
        for (FieldIndex index : byField.values()) {
            index.remove(id);
        }
    }

    /** The index of a field, or null when the field is not indexed. */
    FieldIndex field(String field) {
        return byField.get(field);
    }
}
