package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One table's listed rows by the value of one field, for one tenant (or for the seeds every tenant shares): a
 * {@link ValueBucket} per value in list order, and how many listed rows have the field at all (a list filter on a
 * field no row has is ignored, as the unindexed filter ignores it). A value is the field's text as a filter compares
 * it ({@code null} as the empty string); an object or array value has the field but matches no filter. A row
 * lacking the field is filed under the field's default, when the table answers one. Not
 * thread-safe: guarded by the owner's lock, or never changed once shared.
 */
final class FieldIndex {
    /** Where a listed row having the field sits: its value (null: an object or array) and its list-order key. */
    private record Placement(String value, long key) {
    }

    private final String field;
    /** What a row lacking the field shows instead (null: it shows no such field). */
    private final JsonNode whenAbsent;
    private final Map<String, ValueBucket> byValue = new HashMap<>();
    private final Map<String, Placement> placements = new HashMap<>();

    FieldIndex(FilteredField field) {
        this.field = field.name();
        this.whenAbsent = field.whenAbsent();
    }

    /** Files the row under its current value, or leaves it out when it is not listed or lacks the field. */
    void put(Row row, long key) {
        remove(row.id());
        if (!row.isListed()) {
            return;
        }
        JsonNode value = row.storedData().get(field);
        if (value == null) {
            value = whenAbsent;
        }
        if (value == null) {
            return;
        }
        String text = filterText(value);
        placements.put(row.id(), new Placement(text, key));
        if (text != null) {
            byValue.computeIfAbsent(text, v -> new ValueBucket()).add(key, row.id());
        }
    }

    void remove(String id) {
        Placement placement = placements.remove(id);
        if (placement == null || placement.value() == null) {
            return;
        }
        ValueBucket bucket = byValue.get(placement.value());
        bucket.remove(placement.key());
        if (bucket.isEmpty()) {
            byValue.remove(placement.value()); // values that no row holds any more take no memory
        }
    }

    /** Listed rows that have the field, whatever its value. */
    int rowsWithField() {
        return placements.size();
    }

    /** The listed rows whose field has {@code value}, oldest first, read through {@code rows}. */
    RowOrder rowsWith(String value, Function<String, Row> rows) {
        ValueBucket bucket = byValue.get(value);
        if (bucket == null) {
            return RowOrder.of(List.of());
        }
        return new RowOrder() {
            @Override
            public int size() {
                return bucket.size();
            }

            @Override
            public Row at(int rank) {
                return rows.apply(bucket.at(rank));
            }

            @Override
            public int rank(String id) {
                Placement placement = placements.get(id);
                return placement == null || !value.equals(placement.value()) ? -1 : bucket.rank(placement.key());
            }
        };
    }

    /** The text a list filter compares with the wanted values, as {@code RowFilter} does; null for containers. */
    static String filterText(JsonNode value) {
        if (value.isContainerNode()) {
            return null;
        }
        return value.isNull() ? "" : value.asText();
    }
}
