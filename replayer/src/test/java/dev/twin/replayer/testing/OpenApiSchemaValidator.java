package dev.twin.replayer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON response bodies against OpenAPI 3.0/3.1 schemas (swagger-core models) with the networknt
 * JSON-Schema validator (draft 2020-12, format assertions on).
 *
 * <p>Schemas are serialised with swagger's own mapper and rewritten into JSON Schema: {@code #/components/schemas/X}
 * becomes a reference into one shared definitions document, 3.0's {@code nullable} becomes "or null", 3.0's
 * boolean {@code exclusiveMinimum/Maximum} become numeric bounds, OpenAPI-only keywords (discriminator, example,
 * x-*) are dropped, and writeOnly properties are not required (a response never carries them).
 *
 * <pre>{@code
 * OpenApiSchemaValidator validator = OpenApiSchemaValidator.of(openApi);
 * List<String> problems = validator.validate(responseSchema, body);   // empty when the body is valid
 * }</pre>
 */
public final class OpenApiSchemaValidator {

    private static final String DEFINITIONS = "urn:twin:components";
    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectMapper modelMapper;
    private final boolean openApi30;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> componentSchemas = new ConcurrentHashMap<>();

    private OpenApiSchemaValidator(Components components, boolean openApi31) {
        this.modelMapper = openApi31 ? Json31.mapper() : Json.mapper();
        this.openApi30 = !openApi31;
        ObjectNode definitions = JSON.objectNode();
        if (components != null && components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> definitions.set(name, toJsonSchema(schema)));
        }
        ObjectNode document = JSON.objectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$id", DEFINITIONS);
        document.set("$defs", definitions);
        String documentText = document.toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DEFINITIONS, documentText))));
        // Stripe's schemas reach hundreds of others through $refs: loading them eagerly exhausts the heap
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).preloadJsonSchema(false)
                .build();
    }

    /** A validator for the schemas of this document (its components, its OpenAPI version). */
    public static OpenApiSchemaValidator of(OpenAPI openApi) {
        return new OpenApiSchemaValidator(openApi.getComponents(), openApi.getSpecVersion() == io.swagger.v3.oas.models.SpecVersion.V31);
    }

    public static OpenApiSchemaValidator of(Components components, boolean openApi31) {
        return new OpenApiSchemaValidator(components, openApi31);
    }

    /** Problems of {@code body} against {@code schema} (inline or a $ref), one line each; empty when valid. */
    public List<String> validate(Schema<?> schema, JsonNode body) {
        JsonSchema jsonSchema;
        if (schema.get$ref() != null && schema.get$ref().startsWith(COMPONENT_PREFIX)) {
            jsonSchema = componentSchemas.computeIfAbsent(schema.get$ref(),
                    ref -> factory.getSchema(reference(ref), config));
        } else {
            jsonSchema = factory.getSchema(toJsonSchema(schema), config);
        }
        return messages(jsonSchema.validate(body));
    }

    /** Problems of {@code body} against the component schema {@code name}; empty when valid. */
    public List<String> validateComponent(String name, JsonNode body) {
        return validate(new Schema<>().$ref(COMPONENT_PREFIX + name), body);
    }

    /** The JSON Schema (2020-12) this validator checks against for an OpenAPI schema. */
    public JsonNode toJsonSchema(Schema<?> schema) {
        return convert(modelMapper.valueToTree(schema));
    }

    private static List<String> messages(Set<ValidationMessage> found) {
        List<String> lines = new ArrayList<>(found.size());
        for (ValidationMessage message : found) {
            lines.add(message.getMessage() + " [" + message.getEvaluationPath() + "]");
        }
        lines.sort(null);
        return lines;
    }

    private static JsonNode reference(String ref) {
        ObjectNode node = JSON.objectNode();
        node.put("$ref", rewrite(ref));
        return node;
    }

    private static String rewrite(String ref) {
        if (!ref.startsWith(COMPONENT_PREFIX)) {
            return ref;
        }
        String name = ref.substring(COMPONENT_PREFIX.length());
        return DEFINITIONS + "#/$defs/" + name.replace("~", "~0").replace("/", "~1");
    }

    private JsonNode convert(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = JSON.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            switch (keyword) {
                case "$ref" -> out.put("$ref", rewrite(value.asText()));
                case "properties", "patternProperties", "dependentSchemas", "$defs" -> {
                    ObjectNode map = out.putObject(keyword);
                    value.fields().forEachRemaining(entry -> map.set(entry.getKey(), convert(entry.getValue())));
                }
                case "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
                        "unevaluatedProperties", "unevaluatedItems" -> out.set(keyword, convert(value));
                case "allOf", "anyOf", "oneOf", "prefixItems" -> {
                    ArrayNode list = out.putArray(keyword);
                    value.forEach(member -> list.add(convert(member)));
                }
                case "type", "enum", "const", "format", "minimum", "maximum", "multipleOf", "minLength",
                        "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties",
                        "maxProperties", "dependentRequired", "readOnly", "writeOnly" -> out.set(keyword, value);
                case "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (value.isNumber()) {
                        out.set(keyword, value);
                    }
                }
                default -> {
                    // OpenAPI-only or annotation keywords: nullable (below), discriminator, example, xml, x-* ...
                }
            }
        }
        exclusiveBound(schema, out, "exclusiveMinimum", "minimum");
        exclusiveBound(schema, out, "exclusiveMaximum", "maximum");
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            Set<String> writeOnly = writeOnlyProperties(schema.get("properties"));
            ArrayNode kept = out.putArray("required");
            required.forEach(name -> {
                if (!writeOnly.contains(name.asText())) {
                    kept.add(name);
                }
            });
        }
        if (openApi30 && schema.path("nullable").asBoolean(false)) {
            ObjectNode nullable = JSON.objectNode();
            nullable.putArray("anyOf").add(JSON.objectNode().put("type", "null")).add(out);
            return nullable;
        }
        return out;
    }

    /** OpenAPI 3.0: {@code exclusiveMinimum: true} qualifies {@code minimum}; 2020-12 wants the bound itself. */
    private static void exclusiveBound(JsonNode schema, ObjectNode out, String exclusive, String bound) {
        if (schema.path(exclusive).isBoolean() && schema.path(exclusive).booleanValue() && schema.has(bound)) {
            out.remove(bound);
            out.set(exclusive, schema.get(bound));
        }
    }

    private static Set<String> writeOnlyProperties(JsonNode properties) {
        Set<String> names = new HashSet<>();
        if (properties != null) {
            properties.fields().forEachRemaining(entry -> {
                if (entry.getValue().path("writeOnly").asBoolean(false)) {
                    names.add(entry.getKey());
                }
            });
        }
        return names;
    }
}
