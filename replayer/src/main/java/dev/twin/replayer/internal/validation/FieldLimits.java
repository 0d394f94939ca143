package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The provider's limits on key-value fields of request bodies that its spec does not state, such as Stripe's
 * {@code metadata} (50 keys, keys of 40 characters, values of 500), answered in Stripe's words. Checked on the
 * decoded body after the schema, wherever such a field is: at the top ({@code metadata}) or nested
 * ({@code payment_method_data[metadata]}, named so in the error). The walk is bounded by the request limits
 * (32 levels, 1,000 values), which are checked first.
 */
public final class FieldLimits {
    public static final FieldLimits NONE = new FieldLimits(Map.of());
    private static final int SHOWN_LENGTH = 60;

    /** One field's limits; a null limit is not checked. */
    public record Limit(Integer maxKeys, Integer maxKeyLength, Integer maxValueLength) {
    }

    private final Map<String, Limit> byField;

    private FieldLimits(Map<String, Limit> byField) {
        this.byField = Map.copyOf(byField);
    }

    /** @param byField body field name (at any depth) → its limits */
    public static FieldLimits of(Map<String, Limit> byField) {
        return byField.isEmpty() ? NONE : new FieldLimits(byField);
    }

    /** Adds a violation for each limited field of {@code body} that exceeds its limits (the first limit only). */
    void check(JsonNode body, List<Violation> out) {
        if (byField.isEmpty() || !body.isObject()) {
            return;
        }
        check(body, "", out);
    }

    private void check(JsonNode node, String path, List<Violation> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", out);
            }
            return;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String name = path.isEmpty() ? field.getKey() : path + "[" + field.getKey() + "]";
            Limit limit = byField.get(field.getKey());
            JsonNode value = field.getValue();
            if (limit != null && value.isObject()) {
                String reason = exceeded(field.getKey(), value, limit);
                if (reason != null) {
                    out.add(new Violation(name, Violation.BODY, reason));
                }
            } else if (value.isContainerNode()) {
                check(value, name, out);
            }
        }
    }

    private static String exceeded(String field, JsonNode map, Limit limit) {
        if (limit.maxKeys() != null && map.size() > limit.maxKeys()) {
            return capitalized(field) + " can have up to " + limit.maxKeys() + " keys, but you've set "
                    + map.size() + ".";
        }
        for (var entries = map.fields(); entries.hasNext(); ) {
            var entry = entries.next();
            if (limit.maxKeyLength() != null && length(entry.getKey()) > limit.maxKeyLength()) {
                return "Invalid key: " + shown(entry.getKey()) + " must be a string under " + limit.maxKeyLength()
                        + " characters";
            }
            JsonNode value = entry.getValue();
            if (limit.maxValueLength() != null && value.isTextual()
                    && length(value.textValue()) > limit.maxValueLength()) {
                return "Invalid val: " + shown(value.textValue()) + " must be a string under "
                        + limit.maxValueLength() + " characters";
            }
        }
        return null;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String shown(String text) {
        return text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH) + "..." : text;
    }

    private static String capitalized(String field) {
        return field.isEmpty() ? field : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    }
}
