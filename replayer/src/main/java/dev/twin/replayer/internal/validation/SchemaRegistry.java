package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The component schemas of one spec, converted to JSON Schema on first use and shared by every operation of
 * that spec. Create one per imported spec; thread-safe, so operations may compile concurrently.
 */
public final class SchemaRegistry {
    /** Definition name standing for a reference that cannot be followed; it accepts anything. */
    static final String UNRESOLVABLE = "twin-unresolvable-reference";

    private static final String PARAMETERS_PREFIX = "#/components/parameters/";
    private static final String REQUEST_BODIES_PREFIX = "#/components/requestBodies/";

    private static final OpenApiSchemaConverter OPENAPI_30 = new OpenApiSchemaConverter(false);
    private static final OpenApiSchemaConverter OPENAPI_31 = new OpenApiSchemaConverter(true);

    private final Components components;
    private final Map<String, Converted> converted = new ConcurrentHashMap<>();

    private record Converted(JsonNode schema, Set<String> references) {
    }

    private SchemaRegistry(Components components) {
        this.components = components == null ? new Components() : components;
    }

    /** A registry over the components of one spec (null for a spec without components). */
    public static SchemaRegistry of(Components components) {
        return new SchemaRegistry(components);
    }

    public Components components() {
        return components;
    }

    /**
     * A self-contained JSON Schema for {@code schema}: the converted schema plus a {@code definitions} section
     * holding every component schema it reaches. Null when {@code schema} is null.
     */
    public ObjectNode bundle(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        Set<String> references = new TreeSet<>();
        JsonNode root = convert(schema, references);
        ObjectNode bundle;
        if (root.isObject() && !root.has("$ref")) {
            bundle = (ObjectNode) root;
        } else {
            // draft-07 ignores keywords beside $ref, so the reference moves into an allOf
            bundle = JsonNodeFactory.instance.objectNode();
            bundle.putArray("allOf").add(root);
        }
        ObjectNode definitions = JsonNodeFactory.instance.objectNode();
        Deque<String> pending = new ArrayDeque<>(references);
        Set<String> seen = new LinkedHashSet<>(references);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            Converted component = component(name);
            definitions.set(name, component.schema());
            for (String next : component.references()) {
                if (seen.add(next)) {
                    pending.push(next);
                }
            }
        }
        if (!definitions.isEmpty()) {
            bundle.set("definitions", definitions);
        }
        return bundle;
    }

    /** Follows a {@code #/components/parameters/X} reference; other parameters are returned as they are. */
    public Parameter parameter(Parameter parameter) {
        Parameter current = parameter;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 8; hops++) {
            current = lookup(components.getParameters(), current.get$ref(), PARAMETERS_PREFIX);
        }
        return current;
    }

    /** Follows a {@code #/components/requestBodies/X} reference; other bodies are returned as they are. */
    public RequestBody requestBody(RequestBody body) {
        RequestBody current = body;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 8; hops++) {
            current = lookup(components.getRequestBodies(), current.get$ref(), REQUEST_BODIES_PREFIX);
        }
        return current;
    }

    public Map<String, SecurityScheme> securitySchemes() {
        return components.getSecuritySchemes() == null ? Map.of() : components.getSecuritySchemes();
    }

    private Converted component(String name) {
        Converted existing = converted.get(name);
        if (existing != null) {
            return existing;
        }
        Schema<?> schema = components.getSchemas() == null ? null : components.getSchemas().get(name);
        Set<String> references = new TreeSet<>();
        JsonNode json = schema == null
                ? JsonNodeFactory.instance.objectNode()
                : convert(schema, references);
        Converted fresh = new Converted(json, Set.copyOf(references));
        Converted raced = converted.putIfAbsent(name, fresh);
        return raced == null ? fresh : raced;
    }

    private static <T> T lookup(Map<String, T> section, String ref, String prefix) {
        if (section == null || !ref.startsWith(prefix)) {
            return null;
        }
        return section.get(ref.substring(prefix.length()));
    }

    /** Each swagger schema knows which OpenAPI version it was read from; 3.1 schemas serialise differently. */
    private static JsonNode convert(Schema<?> schema, Set<String> references) {
        boolean openApi31 = schema.getSpecVersion() == SpecVersion.V31;
        ObjectMapper mapper = openApi31 ? Json31.mapper() : Json.mapper();
        return (openApi31 ? OPENAPI_31 : OPENAPI_30).convert(mapper.valueToTree(schema), references);
    }
}
