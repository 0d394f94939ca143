package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether a PUT keeps the fields it does not send ({@code update.keepUnsent}), as Django REST framework's update does
 * (it validates a whole object but saves only what was sent), rather than replacing the row by the body. Evidence: a
 * successful PUT answered the row with a field the client did not send, holding the row's value from before the PUT,
 * a value neither null nor the table's default (which a replace would have shown too). Against it: a PUT answered
 * the row without a field the row held before, or with another value the client did not send.
 */
public final class KeptUnsentFields {
    private final Map<Resource, Votes> byResource = new LinkedHashMap<>();

    private static final class Votes {
        final TreeSet<String> kept = new TreeSet<>();
        final TreeSet<String> lost = new TreeSet<>();
    }

    /**
     * A successful PUT of the row {@code before} (as last seen, or null when not seen), answered with {@code answer}.
     */
    public void put(Resource resource, JsonNode before, JsonNode sent, JsonNode answer) {
        if (before == null || !before.isObject() || sent == null || !sent.isObject() || answer == null
                || !answer.isObject() || !answer.has(resource.idField)) {
            return; // no row before, or an acknowledgement: nothing to compare
        }
        Votes votes = byResource.computeIfAbsent(resource, r -> new Votes());
        for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals(resource.idField) || sent.has(name)) {
                continue;
            }
            JsonNode now = answer.get(name);
            if (now == null) {
                votes.lost.add(name);
            } else if (now.equals(field.getValue()) && !now.isNull() && !isDefault(resource, name, now)) {
                votes.kept.add(name);
            } else if (!now.equals(field.getValue()) && !isDefault(resource, name, now)) {
                votes.lost.add(name); // changed to a value nobody sent: computed, not kept
            }
        }
    }

    private static boolean isDefault(Resource resource, String field, JsonNode value) {
        JsonNode injected = resource.fields == null ? null : resource.fields.inject().get(field);
        JsonNode stored = resource.create == null ? null : resource.create.defaults.get(field);
        return value.equals(injected) || value.equals(stored);
    }

    /** Writes {@code update.keepUnsent: true} into each resource whose PUTs kept what they did not send. */
    public void settle() {
        byResource.forEach((resource, votes) -> {
            if (votes.kept.isEmpty()) {
                return;
            }
            if (!votes.lost.isEmpty()) {
                resource.evidence.add("update: a PUT kept " + votes.kept + " it did not send, another lost or "
                        + "changed " + votes.lost + "; conflicting evidence, the PUT replaces the row (left for a "
                        + "human)");
                return;
            }
            resource.updateRule().keepUnsent = true;
            resource.evidence.add("update: a PUT answered the row with " + votes.kept + ", not sent, as it was "
                    + "before and not the default: a PUT sets the fields it sends and keeps the others");
        });
    }
}
