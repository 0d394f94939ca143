package dev.twin.replayer.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reduces a JSON Schema (draft-07 style, local references as {@code #/definitions/NAME}) to a {@link FormShape}.
 * Runs at compile time only.
 */
public final class FormShapeBuilder {
    private static final String DEFINITIONS_PREFIX = "#/definitions/";

    private final JsonNode definitions;
    private final Map<String, FormShape.Reference> named = new HashMap<>();

    private FormShapeBuilder(JsonNode definitions) {
        this.definitions = definitions == null ? MissingNode.getInstance() : definitions;
    }

    /** The shape of {@code schema}, whose references point into its own {@code definitions}. */
    public static FormShape of(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return FormShape.ANY;
        }
        return new FormShapeBuilder(schema.path("definitions")).shape(schema);
    }

    private FormShape shape(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return FormShape.ANY;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            return reference(ref.asText());
        }
        List<String> types = types(schema);
        if (types.size() > 1) {
            List<FormShape> choices = new ArrayList<>();
            for (String type : types) {
                choices.add(ofType(type, schema));
            }
            return new FormShape.Choice(choices);
        }
        if (types.size() == 1) {
            return ofType(types.get(0), schema);
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return object(schema);
        }
        if (schema.has("items")) {
            return new FormShape.ArrayShape(shape(schema.get("items")));
        }
        for (String keyword : new String[]{"anyOf", "oneOf"}) {
            JsonNode alternatives = schema.get(keyword);
            if (alternatives != null && alternatives.isArray()) {
                List<FormShape> choices = new ArrayList<>();
                alternatives.forEach(alternative -> choices.add(shape(alternative)));
                return choices.size() == 1 ? choices.get(0) : new FormShape.Choice(choices);
            }
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            return merge(allOf);
        }
        JsonNode enumValues = schema.get("enum");
        if (enumValues != null && enumValues.isArray() && !enumValues.isEmpty()) {
            return fromExample(enumValues.get(0));
        }
        return FormShape.ANY;
    }

    private FormShape reference(String ref) {
        if (!ref.startsWith(DEFINITIONS_PREFIX)) {
            return FormShape.ANY;
        }
        String name = ref.substring(DEFINITIONS_PREFIX.length());
        FormShape.Reference existing = named.get(name);
        if (existing != null) {
            return existing;
        }
        FormShape.Reference reference = new FormShape.Reference(name);
        named.put(name, reference);
        reference.resolveTo(shape(definitions.get(name)));
        return reference;
    }

    private FormShape ofType(String type, JsonNode schema) {
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> new FormShape.ArrayShape(shape(schema.get("items")));
            case "integer" -> new FormShape.Scalar(FormShape.ScalarType.INTEGER);
            case "number" -> new FormShape.Scalar(FormShape.ScalarType.NUMBER);
            case "boolean" -> new FormShape.Scalar(FormShape.ScalarType.BOOLEAN);
            case "string" -> new FormShape.Scalar(FormShape.ScalarType.STRING, enumText(schema));
            default -> FormShape.ANY;
        };
    }

    private FormShape object(JsonNode schema) {
        Map<String, FormShape> properties = new LinkedHashMap<>();
        JsonNode declared = schema.get("properties");
        if (declared != null && declared.isObject()) {
            declared.fields().forEachRemaining(field -> properties.put(field.getKey(), shape(field.getValue())));
        }
        JsonNode additional = schema.get("additionalProperties");
        FormShape additionalShape = additional != null && additional.isObject() ? shape(additional) : FormShape.ANY;
        // allOf next to properties (an object extending another) contributes its properties too
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray() && merge(allOf).resolved() instanceof FormShape.ObjectShape inherited) {
            inherited.properties().forEach(properties::putIfAbsent);
        }
        return new FormShape.ObjectShape(properties, additionalShape);
    }

    /** allOf: the properties of every object part together; otherwise the first part that says anything. */
    private FormShape merge(JsonNode parts) {
        Map<String, FormShape> properties = new LinkedHashMap<>();
        FormShape additional = FormShape.ANY;
        FormShape firstOther = null;
        boolean anyObject = false;
        for (JsonNode part : parts) {
            FormShape shape = shape(part).resolved();
            if (shape instanceof FormShape.ObjectShape object) {
                anyObject = true;
                object.properties().forEach(properties::putIfAbsent);
                if (!(object.additional() instanceof FormShape.Any)) {
                    additional = object.additional();
                }
            } else if (firstOther == null && !(shape instanceof FormShape.Any)) {
                firstOther = shape;
            }
        }
        if (anyObject) {
            return new FormShape.ObjectShape(properties, additional);
        }
        return firstOther == null ? FormShape.ANY : firstOther;
    }

    private static FormShape fromExample(JsonNode value) {
        if (value.isIntegralNumber()) {
            return new FormShape.Scalar(FormShape.ScalarType.INTEGER);
        }
        if (value.isNumber()) {
            return new FormShape.Scalar(FormShape.ScalarType.NUMBER);
        }
        if (value.isBoolean()) {
            return new FormShape.Scalar(FormShape.ScalarType.BOOLEAN);
        }
        if (value.isTextual()) {
            return new FormShape.Scalar(FormShape.ScalarType.STRING);
        }
        return FormShape.ANY;
    }

    private static Set<String> enumText(JsonNode schema) {
        Set<String> values = new HashSet<>();
        JsonNode enumValues = schema.get("enum");
        if (enumValues != null && enumValues.isArray()) {
            enumValues.forEach(value -> {
                if (value.isTextual()) {
                    values.add(value.asText());
                }
            });
        }
        return values;
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type == null) {
            return types;
        }
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> {
                if (t.isTextual() && !"null".equals(t.asText())) {
                    types.add(t.asText());
                }
            });
        }
        types.remove("null");
        return types;
    }
}
