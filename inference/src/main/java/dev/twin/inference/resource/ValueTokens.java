package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the values a recorded answer names as the template variables that hold them in the twin
 * ({@code "no post 99"} → {@code "no post {{parent}}"}): each whole-token occurrence in the answer's strings, the
 * longest value first, so a message names this request's values rather than the recording's.
 */
final class ValueTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValueTokens() {
    }

    /** A copy of {@code answer} with each value of {@code tokens} (value → template) written as its template. */
    static JsonNode templated(JsonNode answer, Map<String, String> tokens) {
        List<String> values = new ArrayList<>(tokens.keySet());
        values.removeIf(String::isEmpty);
        if (values.isEmpty()) {
            return answer;
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        Pattern any = Pattern.compile(values.stream().map(v -> "(?<![\\w-])" + Pattern.quote(v) + "(?![\\w-])")
                .reduce((a, b) -> a + "|" + b).orElseThrow());
        return replace(answer, any, tokens);
    }

    private static JsonNode replace(JsonNode node, Pattern any, Map<String, String> tokens) {
        if (node.isTextual()) {
            StringBuilder out = new StringBuilder();
            Matcher m = any.matcher(node.textValue());
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(tokens.get(m.group())));
            }
            m.appendTail(out);
            return JSON.getNodeFactory().textNode(out.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), replace(f.getValue(), any, tokens)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(replace(item, any, tokens)));
            return copy;
        }
        return node;
    }
}
