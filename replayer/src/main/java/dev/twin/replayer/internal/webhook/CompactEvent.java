package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.EventRule;
import dev.twin.replayer.internal.state.Row;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * A row change's event as a shared store keeps it: the row as stored (its fields, not the API's JSON of it, which
 * fills in every default and is several times larger) and, for updates, the changed fields' old values. Each
 * replica makes the event's JSON from it when the event is first read, with the table's shaper, as the replica
 * that emitted it would have: only for tables whose shaper gives the same JSON every time
 * ({@link dev.twin.replayer.internal.convention.RowShaper#isRepeatable}).
 *
 * <p>Kept as a JSON array, {@code [1, created, table, change, id, createdAtMillis, updatedAtMillis, fields,
 * previous]} (1: this form's version; previous only for updates), so it never starts as an event's JSON does
 * ({@code {}): a store holds both, events of other tables and {@code twin trigger}'s as their JSON.
 *
 * @param created  the event's {@code created}, in seconds
 * @param previous the changed fields' old values (updates), else null
 */
record CompactEvent(long created, String table, EventRule.Change change, Row row, ObjectNode previous) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final int VERSION = 1;

    CompactEvent {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(row, "row");
    }

    /** Whether a stored event is in this form (else it is the event's JSON). */
    static boolean isCompact(String stored) {
        return !stored.isEmpty() && stored.charAt(0) == '[';
    }

    /** The stored form: the row's fields written as they are held, without copying them. */
    String write() {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setCodec(JSON);
            json.writeStartArray();
            json.writeNumber(VERSION);
            json.writeNumber(created);
            json.writeString(table);
            json.writeString(change.name());
            json.writeString(row.id());
            json.writeNumber(row.createdAtMillis());
            json.writeNumber(row.updatedAtMillis());
            json.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.storedFields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
            json.writeEndObject();
            if (previous != null) {
                json.writeTree(previous);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The event {@link #write} stored. */
    static CompactEvent read(String stored) {
        JsonNode array;
        try {
            array = JSON.readTree(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("an event the state store holds is not in twin's form: " + e
                    .getOriginalMessage(), e);
        }
        if (!array.isArray() || array.size() < 8 || array.get(0).asInt() != VERSION || !array.get(7).isObject()) {
            throw new IllegalArgumentException("an event the state store holds is not in twin's form " + VERSION
                    + " (stored by a newer twin?): " + abbreviated(stored));
        }
        EventRule.Change change = EventRule.Change.valueOf(array.get(3).asText());
        Row row = new Row(array.get(4).asText(), (ObjectNode) array.get(7), array.get(5).asLong(),
                array.get(6).asLong());
        JsonNode previous = array.get(8);
        return new CompactEvent(array.get(1).asLong(), array.get(2).asText(), change, row,
                previous instanceof ObjectNode object ? object : null);
    }

    private static String abbreviated(String stored) {
        return stored.length() <= 80 ? stored : stored.substring(0, 80) + "…";
    }
}
