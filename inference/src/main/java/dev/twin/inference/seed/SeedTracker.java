package dev.twin.inference.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Follows one table's rows through the recording, in order, to tell what existed before it began (seen but not
 * created: the first values seen) from what it created, changed and deleted; and what existed at its end.
 */
public final class SeedTracker {
    public static final int MAX_ROWS = 5000;

    private final String idField;
    private final Set<String> created = new TreeSet<>();
    private final Set<String> deleted = new TreeSet<>();
    private final Map<String, ObjectNode> initial = new LinkedHashMap<>();
    private final Map<String, ObjectNode> latest = new LinkedHashMap<>();
    private long firstSeenAfterChange;
    /** The first sequence id the recording created, or 0: no later-numbered row existed before the recording. */
    private long firstCreatedNumber;
    private long dropped;

    public SeedTracker(String idField) {
        this.idField = idField;
    }

    public void created(JsonNode row) {
        String id = idOf(row);
        if (id != null) {
            created.add(id);
            if (firstCreatedNumber == 0 && id.matches("[1-9]\\d{0,17}")) {
                firstCreatedNumber = Long.parseLong(id);
            }
            remember(latest, id, (ObjectNode) row);
        }
    }

    /** A row created under an id the client chose, whose answer did not show it (a PUT answered 201). */
    public void createdId(String id) {
        if (id != null && !initial.containsKey(id)) {
            created.add(id);
        }
    }

    /** A row as a read (get, list) answered it. */
    public void seen(JsonNode row) {
        String id = idOf(row);
        if (id == null) {
            return;
        }
        if (!created.contains(id) && !initial.containsKey(id) && !deleted.contains(id) && !createdLater(id)) {
            remember(initial, id, (ObjectNode) row);
        }
        if (!deleted.contains(id)) {
            remember(latest, id, (ObjectNode) row);
        }
    }

    /** A row as a change answered it: for a row not seen before, its state before is that minus the changed fields. */
    public void changed(JsonNode row, Collection<String> changedFields) {
        String id = idOf(row);
        if (id == null) {
            return;
        }
        if (!created.contains(id) && !initial.containsKey(id) && !deleted.contains(id)) {
            ObjectNode before = ((ObjectNode) row).deepCopy();
            changedFields.stream().filter(f -> !f.equals(idField)).forEach(before::remove);
            remember(initial, id, before);
            firstSeenAfterChange++;
        }
        remember(latest, id, (ObjectNode) row);
    }

    public void deleted(String id) {
        if (id == null) {
            return;
        }
        if (!created.contains(id) && !initial.containsKey(id) && !deleted.contains(id)) {
            // deleted before ever being read: it existed, but its fields are unknown
            ObjectNode stub = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            stub.put(idField, id);
            remember(initial, id, stub);
        }
        deleted.add(id);
        latest.remove(id);
    }

    /**
     * Initial rows, without any whose sequence id is at or past the first id the recording created: a counter
     * only goes up, so such a row was made during the recording (by a create the recording did not bind).
     */
    public Collection<ObjectNode> initialRows() {
        if (firstCreatedNumber == 0) {
            return initial.values();
        }
        return initial.entrySet().stream().filter(e -> !createdLater(e.getKey())).map(Map.Entry::getValue).toList();
    }

    public long firstCreatedNumber() {
        return firstCreatedNumber;
    }

    private boolean createdLater(String id) {
        if (firstCreatedNumber == 0 || !id.matches("[1-9]\\d{0,17}")) {
            return false;
        }
        return Long.parseLong(id) >= firstCreatedNumber;
    }

    /** The row as last seen (created, read or changed), or null when deleted or never seen. */
    public ObjectNode latest(String id) {
        return latest.get(id);
    }

    public Collection<ObjectNode> finalRows() {
        return latest.values();
    }

    /** The rows known to be alive now (created or seen, not deleted), or -1 when too many were kept to know. */
    public int liveRows() {
        return dropped > 0 ? -1 : latest.size();
    }

    public int createdCount() {
        return created.size();
    }

    public int deletedCount() {
        return deleted.size();
    }

    public long firstSeenAfterChange() {
        return firstSeenAfterChange;
    }

    public long dropped() {
        return dropped;
    }

    private void remember(Map<String, ObjectNode> rows, String id, ObjectNode row) {
        if (rows.containsKey(id) || rows.size() < MAX_ROWS) {
            rows.put(id, row);
        } else {
            dropped++;
        }
    }

    private String idOf(JsonNode row) {
        if (row == null || !row.isObject()) {
            return null;
        }
        JsonNode id = row.get(idField);
        return id == null || id.isNull() || !id.isValueNode() ? null : id.asText();
    }
}
