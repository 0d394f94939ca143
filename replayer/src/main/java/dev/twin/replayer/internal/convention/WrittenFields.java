package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a table keeps of a write's fields: fields the API ignores are dropped ({@code fields.ignore}), fields it
 * stores as a list though they are sent as one comma-separated string are split ({@code fields.split}: RabbitMQ's
 * {@code tags: "monitoring,management"} is read back as {@code ["monitoring", "management"]}), and times it keeps in
 * a format of its own are rewritten into it ({@code fields.times}: Alertmanager's {@code 2031-01-02T00:00:00Z} is
 * kept as {@code 2031-01-02T00:00:00.000Z}).
 */
public record WrittenFields(Set<String> ignored, Set<String> split, Map<String, TimestampFormat> times) {
    public static final WrittenFields NONE = new WrittenFields(Set.of(), Set.of(), Map.of());

    public WrittenFields(Set<String> ignored, Set<String> split) {
        this(ignored, split, Map.of());
    }

    public WrittenFields {
        ignored = Set.copyOf(ignored);
        split = Set.copyOf(split);
        times = Map.copyOf(times);
    }

    /** Applies the rules to a write's top-level fields, in place. */
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
        times.forEach((name, format) -> {
            JsonNode value = fields.get(name);
            Instant instant = value != null && value.isTextual() ? SentTime.instant(value.textValue()) : null;
            if (instant != null) {
                fields.set(name, format.format(instant.toEpochMilli()));
            }
        });
    }
}
