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
 * kept as {@code 2031-01-02T00:00:00.000Z}), and times sent in the past that it moves to now are moved
 * ({@code fields.notBeforeNow}: a silence sent to start last year starts when it is created).
 */
public record WrittenFields(Set<String> ignored, Set<String> split, Map<String, TimestampFormat> times,
                            Set<String> notBeforeNow) {
    public static final WrittenFields NONE = new WrittenFields(Set.of(), Set.of(), Map.of(), Set.of());

    public WrittenFields(Set<String> ignored, Set<String> split) {
        this(ignored, split, Map.of(), Set.of());
    }

    public WrittenFields(Set<String> ignored, Set<String> split, Map<String, TimestampFormat> times) {
        this(ignored, split, times, Set.of());
    }

    public WrittenFields {
        ignored = Set.copyOf(ignored);
        split = Set.copyOf(split);
        times = Map.copyOf(times);
        notBeforeNow = Set.copyOf(notBeforeNow);
    }

    /** Applies the rules to a write's top-level fields, in place, with the clock standing at {@code nowMillis}. */
    public void prepare(ObjectNode fields, long nowMillis) {
        for (String name : notBeforeNow) {
            JsonNode value = fields.get(name);
            Instant instant = value != null && value.isTextual() ? SentTime.instant(value.textValue()) : null;
            if (instant != null && instant.toEpochMilli() < nowMillis) {
                TimestampFormat format = times.get(name);
                // without a format of the server's own, now is written as the client wrote the past time
                fields.set(name, (format != null ? format : value.textValue().contains(".")
                        ? TimestampFormat.ISO8601_MILLIS : TimestampFormat.ISO8601).format(nowMillis));
            }
        }
        prepare(fields);
    }

    /** Applies the rules but {@code notBeforeNow} to a write's top-level fields, in place. */
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
