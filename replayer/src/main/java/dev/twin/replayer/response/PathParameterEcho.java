package dev.twin.replayer.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes path parameter values into the matching top-level fields of a response object, as stripe-mock does:
 * {@code GET /v1/customers/cus_123} answers {@code "id": "cus_123"}. A parameter goes into the field of the same
 * name ({@code AccountSid} also matches {@code account_sid}); the last parameter, when no field is named after it,
 * goes into {@code id}. Only string and number fields are replaced, keeping the body valid for its schema.
 */
final class PathParameterEcho {
    private PathParameterEcho() {
    }

    /** @return a shallow copy of {@code body} with the values written in, or {@code body} itself if nothing fits */
    static JsonNode apply(JsonNode body, List<String> names, Map<String, String> values) {
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
            JsonNode replacement = replacement(object.get(field), value);
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
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        if (object.has(snake)) {
            return snake;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return object.has(lower) ? lower : null;
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
