package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a body the spec answers for one example row into a template for every row: where a string holds the
 * example's id or its parent's ({@code "/2010-04-01/Accounts/ACaaa…/Messages/SMaaa….json"}), the row's own value
 * takes its place ({@code {{item.account_sid}}}, {@code {{item.sid}}}). Any {@code {{} already in the spec's text is
 * escaped, so it stays text.
 */
final class Placeholders {
    /** Shorter values would be found by chance inside unrelated text. */
    private static final int MIN_VALUE_LENGTH = 4;

    private final Map<String, String> expressions = new LinkedHashMap<>();

    /** Where a string holds {@code exampleValue}, the row's {@code field} is written instead. */
    Placeholders replace(String exampleValue, String field) {
        if (exampleValue != null && exampleValue.length() >= MIN_VALUE_LENGTH && !exampleValue.contains("{{")) {
            expressions.putIfAbsent(exampleValue, "{{" + FieldNames.itemPath(field) + "}}");
        }
        return this;
    }

    /** A copy of {@code value} with every replacement made and every other {@code {{} escaped. */
    JsonNode apply(JsonNode value) {
        List<Map.Entry<String, String>> longestFirst = new ArrayList<>(expressions.entrySet());
        longestFirst.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return apply(value, longestFirst);
    }

    private static JsonNode apply(JsonNode value, List<Map.Entry<String, String>> replacements) {
        if (value.isTextual()) {
            return JsonNodeFactory.instance.textNode(replace(value.textValue(), replacements));
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), apply(field.getValue(), replacements)));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> copy.add(apply(item, replacements)));
            return copy;
        }
        return value.deepCopy();
    }

    private static String replace(String text, List<Map.Entry<String, String>> replacements) {
        String escaped = text.replace("{{", "\\{{");
        for (Map.Entry<String, String> replacement : replacements) {
            if (escaped.contains(replacement.getKey())) {
                escaped = escaped.replace(replacement.getKey(), replacement.getValue());
            }
        }
        return escaped;
    }
}
