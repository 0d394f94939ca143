package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value from twin.yaml whose string leaves are {@link StringTemplate}s (a delete body
 * {@code {id: "{{item.id}}", deleted: true}}, a list envelope's {@code url: "{{request.path}}"}). Compiled once.
 */
public final class JsonTemplate {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode constant;
    private final StringTemplate text;
    private final Map<String, JsonTemplate> fields;
    private final List<JsonTemplate> items;
    /** {@link #isConstant}, decided once (a template never changes). */
    private final boolean isConstant;

    private JsonTemplate(JsonNode constant, StringTemplate text, Map<String, JsonTemplate> fields,
                         List<JsonTemplate> items) {
        this.constant = constant;
        this.text = text;
        this.fields = fields;
        this.items = items;
        this.isConstant = text == null && (fields == null || fields.values().stream().allMatch(JsonTemplate::isConstant))
                && (items == null || items.stream().allMatch(JsonTemplate::isConstant));
    }

    public static JsonTemplate compile(JsonNode source) {
        if (source == null) {
            return new JsonTemplate(NODES.nullNode(), null, null, null);
        }
        if (source.isTextual()) {
            StringTemplate template = StringTemplate.compile(source.textValue());
            return template.isConstant() ? new JsonTemplate(source, null, null, null)
                    : new JsonTemplate(null, template, null, null);
        }
        if (source.isObject()) {
            Map<String, JsonTemplate> fields = new LinkedHashMap<>();
            source.fields().forEachRemaining(e -> fields.put(e.getKey(), compile(e.getValue())));
            return new JsonTemplate(null, null, fields, null);
        }
        if (source.isArray()) {
            List<JsonTemplate> items = new ArrayList<>();
            source.forEach(item -> items.add(compile(item)));
            return new JsonTemplate(null, null, null, items);
        }
        return new JsonTemplate(source, null, null, null);
    }

    /** True when the value holds no template at all. */
    public boolean isConstant() {
        return isConstant;
    }

    /** Whether the same model always renders the same value: no template in it calls {@code {{random}}}. */
    public boolean isRepeatable() {
        if (text != null) {
            return text.isRepeatable();
        }
        if (fields != null) {
            return fields.values().stream().allMatch(JsonTemplate::isRepeatable);
        }
        return items == null || items.stream().allMatch(JsonTemplate::isRepeatable);
    }

    public JsonNode render(Map<String, ?> model) {
        if (constant != null) {
            return constant.deepCopy();
        }
        if (text != null) {
            return NODES.textNode(text.render(model));
        }
        if (fields != null) {
            ObjectNode object = NODES.objectNode();
            fields.forEach((name, value) -> object.set(name, value.render(model)));
            return object;
        }
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(item.render(model)));
        return array;
    }
}
