package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.transition.ActionEvidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes after which the row could still be read: a soft delete, as Alertmanager expires a silence (its state
 * {@code expired}, its end moved to now) and still reads and lists it. Each successful delete waits, with the row as
 * last seen before it, for the next read of its id: an item read or a list showing the row gives the row after the
 * delete, one sample of the delete as a state transition ({@link ActionEvidence}); an item read answered 404 shows
 * the delete removed the row, and then no delete of the table is taken as soft.
 *
 * <p>Bounded: at most {@value #MAX_WAITING} deletes wait at a time, the oldest forgotten first; a read costs one
 * lookup by id, whatever the rows the recording holds.
 */
public final class SoftDeletes {
    private static final int MAX_WAITING = 1024;

    private final Map<Resource, Evidence> byResource = new LinkedHashMap<>();
    private final Map<Waiting, Delete> waiting = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Waiting, Delete> eldest) {
            return size() > MAX_WAITING;
        }
    };

    /** A delete of a table's row that no read has followed yet. */
    private record Waiting(Resource resource, String id) {
    }

    /** A successful delete: the row as last seen before it, what was sent, and whether it answered a body. */
    private record Delete(JsonNode before, JsonNode input, int status, boolean bodiless, long epochSecond) {
    }

    /** One table's deletes followed by a read. */
    private static final class Evidence {
        final ActionEvidence action;
        long readAgain;
        long gone;
        long withBody;

        Evidence(OperationStats op) {
            action = new ActionEvidence(op, "delete");
        }
    }

    /**
     * A delete that succeeded (2xx).
     *
     * @param before the row as last seen, or null when the recording never showed it
     */
    public void deleted(Resource resource, OperationStats op, String id, JsonNode before, JsonNode input, int status,
                        boolean bodiless, long epochSecond) {
        byResource.computeIfAbsent(resource, r -> new Evidence(op));
        waiting.put(new Waiting(resource, id), new Delete(before, input, status, bodiless, epochSecond));
    }

    /** A row a read (the item, or an item of a list) answered: the row after a delete, when one waits for it. */
    public void read(Resource resource, String id, JsonNode row) {
        Delete delete = waiting.isEmpty() || id == null ? null : waiting.remove(new Waiting(resource, id));
        if (delete == null || row == null || !row.isObject()) {
            return;
        }
        Evidence evidence = byResource.get(resource);
        evidence.readAgain++;
        if (!delete.bodiless()) {
            evidence.withBody++;
        }
        evidence.action.add(delete.before(), delete.input(), delete.status(), row, delete.epochSecond());
    }

    /** An item read answered 404: a delete waiting for the id removed the row. */
    public void missing(Resource resource, String id) {
        Delete delete = waiting.isEmpty() || id == null ? null : waiting.remove(new Waiting(resource, id));
        if (delete != null) {
            byResource.get(resource).gone++;
        }
    }

    /**
     * The tables whose deleted rows were read again, every time the recording read one: their deletes as evidence
     * for a transition, with what the report should say.
     */
    public List<SoftDelete> settle() {
        List<SoftDelete> out = new ArrayList<>();
        byResource.forEach((resource, evidence) -> {
            if (evidence.readAgain == 0) {
                return;
            }
            if (evidence.gone > 0) {
                resource.evidence.add("delete: " + evidence.readAgain + " deleted row(s) were read again but "
                        + evidence.gone + " answered 404: the delete is taken to remove the row (conflicting "
                        + "evidence, left for a human)");
                return;
            }
            List<String> notes = new ArrayList<>();
            notes.add("delete: soft — every deleted row the recording read again (" + evidence.readAgain + ") was "
                    + "still there, changed: the twin's delete keeps the row and sets the fields below"
                    + (evidence.readAgain == 1 ? " (one sample: low confidence)" : ""));
            if (evidence.withBody > 0) {
                notes.add("delete: " + evidence.withBody + " delete(s) answered a body; the twin answers the row "
                        + "after the delete (check against the recording)");
            }
            out.add(new SoftDelete(resource, evidence.action, evidence.withBody > 0, notes));
        });
        return out;
    }

    /**
     * A table whose delete keeps the row.
     *
     * @param evidence   each delete with the row before it and the row read after it
     * @param answersRow whether the delete answered a body (then the twin answers the row after it)
     * @param notes      what the report says about it
     */
    public record SoftDelete(Resource resource, ActionEvidence evidence, boolean answersRow, List<String> notes) {
    }
}
