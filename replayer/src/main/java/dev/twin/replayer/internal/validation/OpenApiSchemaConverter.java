package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rewrites an OpenAPI schema (as the JSON tree swagger-core serialises) into a draft-07 JSON Schema that a
 * standard validator understands: {@code #/components/schemas/X} becomes {@code #/definitions/X},
 * OpenAPI 3.0 {@code nullable} becomes a {@code "null"} type, boolean {@code exclusiveMinimum} becomes numeric,
 * documentation-only keywords are dropped, and properties marked readOnly are not required in a request.
 */
final class OpenApiSchemaConverter {
    static final String COMPONENTS_PREFIX = "#/components/schemas/";
    static final String DEFINITIONS_PREFIX = "#/definitions/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> DROPPED = Set.of("nullable", "discriminator", "xml", "externalDocs", "example",
            "examples", "deprecated", "description", "title", "$schema", "$comment", "exampleSetFlag",
            "specVersion", "jsonSchema", "types");
    private static final Set<String> SCHEMA_VALUED = Set.of("additionalProperties", "items", "additionalItems", "not",
            "contains", "propertyNames", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "dependentSchemas");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

    private final boolean openApi31;

    OpenApiSchemaConverter(boolean openApi31) {
        this.openApi31 = openApi31;
    }

    /** Converts {@code schema}, adding the component names it references to {@code references}. */
    JsonNode convert(JsonNode schema, Set<String> references) {
        if (schema == null || schema.isNull() || schema.isMissingNode()) {
            return JSON.objectNode();
        }
        if (!schema.isObject()) {
            return schema.deepCopy(); // true / false schemas
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            ObjectNode reference = JSON.objectNode().put("$ref", rewriteRef(ref.asText(), references));
            if (!openApi31 || !hasAssertions(schema)) {
                return reference; // in 3.0 everything beside a $ref is ignored
            }
            ObjectNode siblings = convertKeywords(schema, references);
            ArrayNode allOf = JSON.arrayNode().add(reference);
            siblings.set("allOf", siblings.has("allOf") ? allOf.addAll((ArrayNode) siblings.get("allOf")) : allOf);
            return siblings;
        }
        return convertKeywords(schema, references);
    }

    private ObjectNode convertKeywords(JsonNode schema, Set<String> references) {
        ObjectNode result = JSON.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (DROPPED.contains(keyword) || keyword.startsWith("x-") || keyword.equals("$ref")) {
                continue;
            }
            if (SCHEMA_VALUED.contains(keyword) && (value.isObject() || value.isBoolean())) {
                result.set(keyword, convert(value, references));
            } else if (keyword.equals("items") && value.isArray()) {
                result.set(keyword, convertList(value, references));
            } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                ObjectNode map = JSON.objectNode();
                value.fields().forEachRemaining(entry -> map.set(entry.getKey(), convert(entry.getValue(), references)));
                result.set(keyword, map);
            } else if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
                result.set(keyword, convertList(value, references));
            } else if (keyword.equals("pattern") && !compiles(value.asText())) {
                continue; // a pattern Java cannot compile would make the whole schema unusable
            } else {
                result.set(keyword, value.deepCopy());
            }
        }
        fixExclusiveBound(result, "exclusiveMinimum", "minimum");
        fixExclusiveBound(result, "exclusiveMaximum", "maximum");
        dropReadOnlyFromRequired(schema, result);
        if (!openApi31 && schema.path("nullable").asBoolean(false)) {
            return allowNull(result);
        }
        return result;
    }

    private ArrayNode convertList(JsonNode schemas, Set<String> references) {
        ArrayNode list = JSON.arrayNode();
        schemas.forEach(element -> list.add(convert(element, references)));
        return list;
    }

    private static String rewriteRef(String ref, Set<String> references) {
        if (ref.startsWith(COMPONENTS_PREFIX)) {
            String name = ref.substring(COMPONENTS_PREFIX.length());
            references.add(name);
            return DEFINITIONS_PREFIX + name.replace("~", "~0").replace("/", "~1");
        }
        // a reference this converter cannot follow (external, or into another part of the document)
        references.add(SchemaRegistry.UNRESOLVABLE);
        return DEFINITIONS_PREFIX + SchemaRegistry.UNRESOLVABLE;
    }

    private static boolean hasAssertions(JsonNode schema) {
        Iterator<String> names = schema.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("$ref") && !DROPPED.contains(name) && !name.startsWith("x-")) {
                return true;
            }
        }
        return false;
    }

    /** OpenAPI 3.0 writes {@code minimum: 3, exclusiveMinimum: true}; draft-07 writes {@code exclusiveMinimum: 3}. */
    private static void fixExclusiveBound(ObjectNode schema, String exclusive, String inclusive) {
        JsonNode flag = schema.get(exclusive);
        if (flag == null || !flag.isBoolean()) {
            return;
        }
        schema.remove(exclusive);
        if (flag.booleanValue() && schema.has(inclusive)) {
            schema.set(exclusive, schema.remove(inclusive));
        }
    }

    private static void dropReadOnlyFromRequired(JsonNode original, ObjectNode converted) {
        JsonNode required = converted.get("required");
        JsonNode properties = original.get("properties");
        if (required == null || !required.isArray() || properties == null) {
            return;
        }
        ArrayNode kept = JSON.arrayNode();
        required.forEach(name -> {
            if (!properties.path(name.asText()).path("readOnly").asBoolean(false)) {
                kept.add(name);
            }
        });
        if (kept.isEmpty()) {
            converted.remove("required");
        } else {
            converted.set("required", kept);
        }
    }

    /** {@code nullable: true}: the same schema, or null. */
    private static ObjectNode allowNull(ObjectNode schema) {
        JsonNode enumValues = schema.get("enum");
        if (enumValues instanceof ArrayNode values && !containsNull(values)) {
            values.addNull();
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            schema.set("type", JSON.arrayNode().add(type.asText()).add("null"));
            return schema;
        }
        if (type == null && enumValues == null) {
            ObjectNode either = JSON.objectNode();
            either.set("anyOf", JSON.arrayNode().add(schema).add(JSON.objectNode().put("type", "null")));
            return either;
        }
        return schema;
    }

    private static boolean containsNull(ArrayNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static boolean compiles(String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
