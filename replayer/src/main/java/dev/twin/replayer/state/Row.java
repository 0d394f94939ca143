package dev.twin.replayer.state;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One row of a table as the engine hands it out: immutable, because the data is copied on the way in and every
 * call to {@link #data()} returns a fresh copy. The data always contains the table's id field.
 */
public record Row(String id, ObjectNode data, long createdAtMillis, long updatedAtMillis) {
    /** The field marking a soft-deleted row ({@code delete.preserve: true}): kept, never listed, never shown. */
    public static final String DELETED_MARKER = "__twin_deleted";

    public Row {
        Objects.requireNonNull(id, "id");
        data = Objects.requireNonNull(data, "data").deepCopy();
    }

    /** A copy of the row's fields; changing it never changes the stored row. */
    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }

    /** Whether the row has the field (even as null), without copying the row. */
    public boolean has(String field) {
        return data.has(field);
    }

    /** Whether lists show the row (it is not soft-deleted). */
    public boolean isListed() {
        return !data.has(DELETED_MARKER);
    }

    /** The stored data itself, not copied: for the engine's own reads, which never change it. */
    ObjectNode storedData() {
        return data;
    }

    /** A field's text without copying the row, or null when absent or null. */
    public String text(String field) {
        var value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
