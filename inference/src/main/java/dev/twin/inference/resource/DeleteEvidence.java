package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a table's deletes answered the row being deleted (json-server style APIs that return it, Rails'
 * {@code render json: @post}): each delete answer is compared with the row as last seen before it. When every
 * one held the whole row, the twin answers the row it deletes, plus the fields the answers added that were the
 * same every time (Stripe's {@code deleted: true}), instead of a frozen copy of the one row the recording deleted.
 */
public final class DeleteEvidence {
    private long answers;
    private long heldTheRow;
    private Map<String, JsonNode> extras;

    /** @param before the row as last seen, or null when unknown */
    public void add(JsonNode before, JsonNode answer) {
        if (before == null || !before.isObject() || answer == null || !answer.isObject() || before.isEmpty()) {
            return;
        }
        answers++;
        boolean held = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            held &= field.getValue().equals(answer.get(field.getKey()));
        }
        if (!held) {
            return;
        }
        heldTheRow++;
        Map<String, JsonNode> added = new LinkedHashMap<>();
        answer.fields().forEachRemaining(f -> {
            if (!before.has(f.getKey())) {
                added.put(f.getKey(), f.getValue());
            }
        });
        if (extras == null) {
            extras = added;
        } else {
            extras.entrySet().removeIf(e -> !e.getValue().equals(added.get(e.getKey())));
        }
    }

    /** Rewrites the resource's delete convention when every delete answer held the row. */
    void apply(Resource resource) {
        if (answers == 0 || heldTheRow != answers || !(resource.response.get("delete") instanceof Map<?, ?> rule)) {
            return;
        }
        Map<String, Object> delete = new LinkedHashMap<>();
        delete.put("status", rule.get("status"));
        delete.put("answersRow", true);
        if (!extras.isEmpty()) {
            delete.put("body", new LinkedHashMap<>(extras));
        }
        resource.response.put("delete", delete);
        resource.evidence.add("delete: every answer (" + answers + ") held the whole row as last seen"
                + (extras.isEmpty() ? "" : ", plus " + extras.keySet()) + ": the twin answers the row it deletes");
    }
}
