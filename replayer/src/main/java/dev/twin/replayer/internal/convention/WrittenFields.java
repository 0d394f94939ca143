package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * What a table keeps of a write's fields: fields the API ignores are dropped ({@code fields.ignore}), and fields it
 * stores as a list though they are sent as one comma-separated string are split ({@code fields.split}: RabbitMQ's
 * {@code tags: "monitoring,management"} is read back as {@code ["monitoring", "management"]}).
 */
public record WrittenFields(Set<String> ignored, Set<String> split) {
    public static final WrittenFields NONE = new WrittenFields(Set.of(), Set.of());

    public WrittenFields {
        ignored = Set.copyOf(ignored);
        split = Set.copyOf(split);
    }

    /** Applies both rules to a write's top-level fields, in place. */
    public void prepare(ObjectNode fields) {
        fields.remove(ignored);
        for (String name : split) {
            JsonNode value = fields.get(name);
            if (value != null && value.isTextual()) {
                ArrayNode parts = fields.arrayNode();
                for (String part : value.textValue().split(",")) {
                    if (!part.isBlank()) {
                        parts.add(part.trim());
                    }
                }
                fields.set(name, parts);
            }
        }
    }
}
