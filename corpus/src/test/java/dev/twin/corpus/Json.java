package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies for flows, built as JSON values rather than glued text: an id taken from an answer that lacked it
 * (a missing node) is sent as {@code null}, so the request stays valid JSON and the step still compares.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The JSON value of a text, for building nested request bodies. */
    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** {@code Json.object("title", "gamma", "userId", 1)}; a JsonNode value is put as it is. */
    static String object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        ObjectNode object = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            JsonNode node = value instanceof JsonNode json ? (json.isMissingNode() ? null : json)
                    : MAPPER.valueToTree(value);
            object.set((String) keysAndValues[i], node == null ? MAPPER.nullNode() : node);
        }
        return object.toString();
    }
}
