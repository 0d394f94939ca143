package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One row of a table as the engine hands it out: immutable, because the data is copied on the way in and every
 * call to {@link #data()} returns a fresh copy. The data always contains the table's id field. Equal rows have
 * equal ids, data and times.
 *
 * <p>A row is read far more often than it is written (every get, every list page showing it), so it keeps what
 * serving derives from it, such as its answer's JSON ({@link #derived}), and the size its data counts against
 * the tenant's quota (a write counts the row it stores and the row it replaces).
 */
public final class Row {
    /** The field marking a soft-deleted row ({@code delete.preserve: true}): kept, never listed, never shown. */
    public static final String DELETED_MARKER = "__twin_deleted";

    private final String id;
    private final ObjectNode data;
    private final long createdAtMillis;
    private final long updatedAtMillis;
    /** The size of {@link #data} as compact JSON once counted, else -1 (racing threads count the same). */
    private volatile long jsonSize = -1;
    /** The last value {@link #derived} made, held softly: memory the collector may take back when short. */
    private volatile SoftReference<Derived> derived;

    private record Derived(Object key, Object value) {
    }

    public Row(String id, ObjectNode data, long createdAtMillis, long updatedAtMillis) {
        this.id = Objects.requireNonNull(id, "id");
        this.data = Objects.requireNonNull(data, "data").deepCopy();
        this.createdAtMillis = createdAtMillis;
        this.updatedAtMillis = updatedAtMillis;
    }

    public String id() {
        return id;
    }

    /** A copy of the row's fields; changing it never changes the stored row. */
    public ObjectNode data() {
        return data.deepCopy();
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public long updatedAtMillis() {
        return updatedAtMillis;
    }

    /** Whether the row has the field (even as null), without copying the row. */
    public boolean has(String field) {
        return data.has(field);
    }

    /** Whether lists show the row (it is not soft-deleted). */
    public boolean isListed() {
        return !data.has(DELETED_MARKER);
    }

    /**
     * The stored fields in order, without copying the row, for code that only reads them (shaping an answer):
     * the values are the stored ones, so neither they nor anything made to share them may ever be changed.
     */
    public Iterator<Map.Entry<String, JsonNode>> storedFields() {
        return data.fields();
    }

    /** How many fields the row stores. */
    public int fieldCount() {
        return data.size();
    }

    /** A stored field's value without copying the row, or null; read-only, as for {@link #storedFields}. */
    public JsonNode storedField(String field) {
        return data.get(field);
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

    /**
     * What {@code derive} makes of this row, made on the first call for {@code key} and kept with the row for the
     * next calls with the same key (one key at a time: another key replaces it), while the row is in its table.
     * For values that depend on the row and the key alone, like a row's answer as its table's shaper writes it
     * (the shaper is the key, so a reloaded configuration derives anew). Kept softly: the collector may drop it
     * when memory runs short, and the next call derives it again.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<Row, T> derive) {
        SoftReference<Derived> held = derived;
        Derived value = held == null ? null : held.get();
        if (value == null || value.key() != key) {
            value = new Derived(key, Objects.requireNonNull(derive.apply(this), "derived value"));
            derived = new SoftReference<>(value); // racing threads derive equal values: either may stay
        }
        return (T) value.value();
    }

    /**
     * Forgets what {@link #derived} keeps: the row left its table (replaced or deleted) and is no longer read,
     * though it may live on for a while (in an event), and the collector gets the memory now rather than when
     * memory runs short.
     */
    void dropDerived() {
        derived = null;
    }

    /** The size of the data as compact JSON ({@link RowSize}), counted once. */
    long jsonSize() {
        long size = jsonSize;
        if (size < 0) {
            size = RowSize.count(data);
            jsonSize = size;
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && id.equals(row.id) && data.equals(row.data)
                && createdAtMillis == row.createdAtMillis && updatedAtMillis == row.updatedAtMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, data, createdAtMillis, updatedAtMillis);
    }

    @Override
    public String toString() {
        return "Row[id=" + id + ", data=" + data + ", createdAtMillis=" + createdAtMillis + ", updatedAtMillis="
                + updatedAtMillis + "]";
    }
}
