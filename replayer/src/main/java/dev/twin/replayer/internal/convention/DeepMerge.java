package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The {@code patch} action's merge (and a custom operation's {@code merge}): objects merge key by key at every depth, anything else replaces.
 *
 * <p>Form bodies cannot say null, so there an empty string unsets, as Stripe documents: {@code metadata[key]=}
 * removes that key, {@code metadata=} empties the object, {@code description=} sets the field to null.
 */
public final class DeepMerge {
    private DeepMerge() {
    }

    /** Merges {@code patch} into {@code target} in place. */
    public static void merge(ObjectNode target, ObjectNode patch, boolean emptyStringUnsets) {
        merge(target, patch, emptyStringUnsets, true);
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean emptyStringUnsets, boolean topLevel) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (emptyStringUnsets && value.isTextual() && value.textValue().isEmpty()) {
                if (current != null && current.isObject()) {
                    target.set(name, target.objectNode());
                } else if (topLevel) {
                    target.putNull(name);
                } else {
                    target.remove(name);
                }
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, emptyStringUnsets, false);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }
}
