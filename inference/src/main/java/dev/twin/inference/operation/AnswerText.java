package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.regex.Pattern;

/** What a recorded answer says of the request it answered: whether it names a field, and where it echoed a value. */
public final class AnswerText {
    private AnswerText() {
    }

    /** Whether the text names the field as a word of its own ({@code title}, not {@code subtitle}). */
    public static boolean mentions(String text, String field) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(field) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    /**
     * A copy of the answer with the value sent written as {@code {{sent}}} wherever a text of it held that value: the
     * answer as a template over the next request's value; the answer itself when {@code sent} is null.
     */
    public static JsonNode withSent(JsonNode answer, String sent) {
        return sent == null ? answer : substituted(answer.deepCopy(), sent);
    }

    private static JsonNode substituted(JsonNode node, String sent) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.textValue().replace(sent, "{{sent}}"));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> f.setValue(substituted(f.getValue(), sent)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substituted(array.get(i), sent));
            }
        }
        return node;
    }
}
