package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.swagger.v3.oas.models.media.Schema;

/**
 * Writes path parameter values into the matching top-level fields of a response object, as stripe-mock does:
 * {@code GET /v1/customers/cus_123} answers {@code "id": "cus_123"}. A parameter goes into the field of the same
 * name ({@code AccountSid} also matches {@code account_sid}); the last parameter, when no field is named after it,
 * goes into {@code id}. Only string and number fields are replaced, and only with a value their schema accepts
 * (pattern, length, enum), so the body stays valid: a malformed id is not echoed.
 */
final class PathParameterEcho {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    /** Parameter names to their other spellings; names come from the specs, so this stays small. */
    private static final Map<String, Spellings> SPELLINGS = new ConcurrentHashMap<>();

    private PathParameterEcho() {
    }

    /**
     * @param fieldSchema the schema of a top-level property of the body, or null when unknown
     * @return a copy of {@code body} with the values written in, or {@code body} itself if nothing fits
     */
    static JsonNode apply(JsonNode body, List<String> names, Map<String, String> values,
                          Function<String, Schema<?>> fieldSchema) {
        if (!(body instanceof ObjectNode object) || names.isEmpty()) {
            return body;
        }
        ObjectNode copy = null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = values.get(name);
            if (value == null) {
                continue;
            }
            String field = fieldFor(object, name);
            if (field == null && i == names.size() - 1 && object.has("id")) {
                field = "id";
            }
            if (field == null) {
                continue;
            }
            JsonNode current = object.get(field);
            if (current != null && current.isValueNode()
                    && (current.isTextual() ? current.textValue() : current.asText()).equals(value)) {
                continue; // already says so: no copy, and the cached bytes can be sent as they are
            }
            JsonNode replacement = replacement(current, value);
            if (replacement != null && !fits(fieldSchema.apply(field), value)) {
                replacement = null;
            }
            if (replacement != null) {
                if (copy == null) {
                    copy = object.deepCopy();
                }
                copy.set(field, replacement);
            }
        }
        return copy == null ? body : copy;
    }

    private static String fieldFor(ObjectNode object, String name) {
        if (object.has(name)) {
            return name;
        }
        Spellings spellings = SPELLINGS.computeIfAbsent(name, Spellings::of);
        if (object.has(spellings.snake)) {
            return spellings.snake;
        }
        return object.has(spellings.lower) ? spellings.lower : null;
    }

    /** {@code AccountSid} as {@code account_sid} and {@code accountsid}. */
    private record Spellings(String snake, String lower) {
        static Spellings of(String name) {
            return new Spellings(CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT),
                    name.toLowerCase(Locale.ROOT));
        }
    }

    private static boolean fits(Schema<?> schema, String value) {
        if (schema == null) {
            return true;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()
                && schema.getEnum().stream().noneMatch(e -> value.equals(String.valueOf(e)))) {
            return false;
        }
        if (schema.getMinLength() != null && value.length() < schema.getMinLength()
                || schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
            return false;
        }
        String pattern = schema.getPattern();
        if (pattern == null) {
            return true;
        }
        try {
            return PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static JsonNode replacement(JsonNode current, String value) {
        if (current == null) {
            return null;
        }
        if (current.isTextual()) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
        }
        if (current.isIntegralNumber()) {
            try {
                return com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
