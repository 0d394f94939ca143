package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    /** The row's fields the answers left out, the same in every one (etcd's deleted node has no value). */
    private Set<String> omitted;
    /** A field the deleting write stamps ({@code writeIndex.modified}): its value in the answer is the delete's. */
    private String stamped;

    /** The field a delete stamps with its own write index, which the answer holds in place of the row's. */
    void stamped(String field) {
        stamped = field;
    }

    /** @param before the row as last seen, or null when unknown */
    public void add(JsonNode before, JsonNode answer) {
        if (before == null || !before.isObject() || answer == null || !answer.isObject() || before.isEmpty()) {
            return;
        }
        answers++;
        boolean held = true;
        Set<String> left = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!answer.has(field.getKey())) {
                left.add(field.getKey());
            } else if (!field.getKey().equals(stamped)) {
                held &= field.getValue().equals(answer.get(field.getKey()));
            }
        }
        // the answer is the row when it held what it showed of it (three fields or more, most of the row), and
        // left out the same few fields each time
        int shown = before.size() - left.size();
        held &= (left.isEmpty() || shown >= 3 && left.size() < shown) && (omitted == null || omitted.equals(left));
        if (!held) {
            return;
        }
        omitted = left;
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
        if (answers == 0 || heldTheRow != answers || resource.delete == null) {
            return;
        }
        ObjectNode beside = JsonNodeFactory.instance.objectNode();
        extras.forEach(beside::set);
        resource.delete = new DeleteAnswer(resource.delete.status(), beside, true, new ArrayList<>(omitted));
        resource.evidence.add("delete: every answer (" + answers + ") held the whole row as last seen"
                + (extras.isEmpty() ? "" : ", plus " + extras.keySet()) + (omitted.isEmpty() ? ""
                : ", less " + omitted) + (stamped == null ? "" : ", '" + stamped + "' the deleting write's")
                + ": the twin answers the row it deletes");
    }
}
