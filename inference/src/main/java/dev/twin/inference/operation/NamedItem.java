package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer about the item a request named by its last path segment ({@code GET /manifests/9.9} → {@code 404
 * {"errors": [{"detail": {"Tag": "9.9"}}]}}): every string equal to that segment becomes the template
 * {@value #TEMPLATE} (and so does the segment inside a longer string, from 3 characters on), so answers about
 * different items agree where they only differ by the item.
 */
final class NamedItem {
    static final String TEMPLATE = "{{request.lastSegment}}";

    private NamedItem() {
    }

    /** A copy of {@code body} with {@code segment} in each string replaced by {@value #TEMPLATE}. */
    static JsonNode replaced(JsonNode body, String segment) {
        if (body.isTextual()) {
            String text = body.textValue();
            if (text.equals(segment)) {
                return JsonNodeFactory.instance.textNode(TEMPLATE);
            }
            // "No such customer: 'cus_1'": the id inside a message too, unless too short to tell it from a word
            return segment.length() >= 3 && text.contains(segment)
                    ? JsonNodeFactory.instance.textNode(text.replace(segment, TEMPLATE)) : body;
        }
        if (body.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            body.fields().forEachRemaining(field -> out.set(field.getKey(), replaced(field.getValue(), segment)));
            return out;
        }
        if (body.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            body.forEach(element -> out.add(replaced(element, segment)));
            return out;
        }
        return body;
    }
}
