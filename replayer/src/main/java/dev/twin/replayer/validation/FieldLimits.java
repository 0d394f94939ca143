package dev.twin.replayer.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The provider's limits on key-value fields of request bodies that its spec does not state, such as Stripe's
 * {@code metadata} (50 keys, keys of 40 characters, values of 500), answered in Stripe's words. Checked on the
 * decoded body after the schema, for any operation whose body has such a top-level field.
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

    /** @param byField top-level body field name → its limits */
    public static FieldLimits of(Map<String, Limit> byField) {
        return byField.isEmpty() ? NONE : new FieldLimits(byField);
    }

    /** Adds a violation for each limited field of {@code body} that exceeds its limits (the first limit only). */
    void check(JsonNode body, List<Violation> out) {
        if (byField.isEmpty() || !body.isObject()) {
            return;
        }
        byField.forEach((field, limit) -> {
            JsonNode value = body.get(field);
            if (value != null && value.isObject()) {
                String reason = exceeded(field, value, limit);
                if (reason != null) {
                    out.add(new Violation(field, Violation.BODY, reason));
                }
            }
        });
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
