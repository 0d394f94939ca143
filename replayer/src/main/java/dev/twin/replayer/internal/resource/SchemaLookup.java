package dev.twin.replayer.internal.resource;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what resource recognition needs off swagger-core schemas: {@code $ref}s followed through the spec's
 * components, the object among {@code anyOf}/{@code oneOf} branches, the properties of {@code allOf} parts
 * together, OpenAPI 3.0 {@code nullable} and 3.1 type arrays alike. Bounded: reference chains and compositions
 * stop after a few hops, so a cyclic spec cannot hang start-up.
 */
final class SchemaLookup {
    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final int MAX_HOPS = 16;

    private final Components components;

    SchemaLookup(Components components) {
        this.components = components;
    }

    /** The schema a {@code $ref} chain ends at (the schema itself when it is no reference); null stays null. */
    Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hop = 0; current != null && current.get$ref() != null && hop < MAX_HOPS; hop++) {
            current = component(current.get$ref());
        }
        return current;
    }

    /** The component name a schema refers to ({@code customer} of {@code #/components/schemas/customer}), or null. */
    static String refName(Schema<?> schema) {
        if (schema == null || schema.get$ref() == null) {
            return null;
        }
        String ref = schema.get$ref();
        return ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private Schema<?> component(String ref) {
        if (!ref.startsWith(COMPONENT_PREFIX) || components == null || components.getSchemas() == null) {
            return null;
        }
        return components.getSchemas().get(refName(new Schema<>().$ref(ref)));
    }

    /**
     * The object schema a body of this schema is: itself, or among its {@code anyOf}/{@code oneOf} branches the
     * object named like {@code name} ({@code bank_account} for {@code /bank_accounts}, among Stripe's payment
     * sources), else the first object (Stripe's {@code GET /v1/customers/{customer}} answers
     * {@code anyOf: [customer, deleted_customer]}); null when it describes no object.
     */
    Schema<?> objectSchema(Schema<?> schema, String name) {
        Schema<?> branch = objectBranch(schema, name);
        return branch == null ? null : resolve(branch);
    }

    /** As {@link #objectSchema}, the branch as written (a {@code $ref} stays one, naming its component). */
    Schema<?> objectBranch(Schema<?> schema, String name) {
        return objectBranch(schema, name == null ? component -> false : name::equals, 0);
    }

    /** As {@link #objectBranch(Schema, String)}, preferring the branch whose component name passes the test. */
    Schema<?> objectBranch(Schema<?> schema, java.util.function.Predicate<String> preferred) {
        return objectBranch(schema, preferred, 0);
    }

    private Schema<?> objectBranch(Schema<?> schema, java.util.function.Predicate<String> name, int depth) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null || depth > MAX_HOPS) {
            return null;
        }
        if (!properties(resolved).isEmpty() || "object".equals(type(resolved))) {
            return schema;
        }
        Schema<?> first = null;
        for (List<Schema> branches : List.of(nonNull(resolved.getAnyOf()), nonNull(resolved.getOneOf()))) {
            for (Schema<?> branch : branches) {
                Schema<?> object = objectBranch(branch, name, depth + 1);
                if (object == null) {
                    continue;
                }
                if (refName(object) != null && name.test(refName(object))) {
                    return object;
                }
                first = first == null ? object : first;
            }
        }
        return first;
    }

    /** The properties of an object schema, those of its {@code allOf} parts included, in document order. */
    Map<String, Schema<?>> properties(Schema<?> schema) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        collect(schema, properties, 0);
        return properties;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void collect(Schema<?> schema, Map<String, Schema<?>> into, int depth) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null || depth > MAX_HOPS) {
            return;
        }
        for (Schema part : nonNull(resolved.getAllOf())) {
            collect(part, into, depth + 1);
        }
        if (resolved.getProperties() != null) {
            ((Map<String, Schema<?>>) (Map) resolved.getProperties()).forEach(into::put);
        }
    }

    /** Whether a property of this schema may be null (3.0 {@code nullable}, 3.1 {@code type: [.., "null"]}). */
    boolean allowsNull(Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null) {
            return false;
        }
        if (Boolean.TRUE.equals(schema.getNullable()) || Boolean.TRUE.equals(resolved.getNullable())) {
            return true;
        }
        Set<String> types = resolved.getTypes();
        if (types != null && types.contains("null")) {
            return true;
        }
        for (List<Schema> branches : List.of(nonNull(resolved.getAnyOf()), nonNull(resolved.getOneOf()))) {
            for (Schema<?> branch : branches) {
                Schema<?> option = resolve(branch);
                if (option != null && ("null".equals(type(option)) || Boolean.TRUE.equals(option.getNullable()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The declared type ({@code string}, {@code integer} ...; the non-null one of a 3.1 type array), or null. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        Set<String> types = schema.getTypes();
        if (types != null && !types.isEmpty()) {
            return types.stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        return schema.getType();
    }

    /**
     * Whether a value of the {@code sent} schema fits where {@code kept} is: some JSON type one allows the other
     * allows too (an integer fits a number); a schema without a type fits anything.
     */
    boolean fits(Schema<?> sent, Schema<?> kept) {
        Set<String> sentTypes = types(sent, 0);
        Set<String> keptTypes = types(kept, 0);
        if (sentTypes.isEmpty() || keptTypes.isEmpty()) {
            return true;
        }
        if (keptTypes.contains("number")) {
            keptTypes.add("integer");
        }
        sentTypes.retainAll(keptTypes);
        return !sentTypes.isEmpty();
    }

    /** The JSON types a schema allows, over its {@code anyOf}/{@code oneOf} branches; empty when it names none. */
    private Set<String> types(Schema<?> schema, int depth) {
        Set<String> types = new java.util.HashSet<>();
        Schema<?> resolved = resolve(schema);
        if (resolved == null || depth > MAX_HOPS) {
            return types;
        }
        String type = type(resolved);
        if (type != null && !type.equals("null")) {
            types.add(type);
        } else if (!properties(resolved).isEmpty() || resolved.getAdditionalProperties() != null) {
            types.add("object");
        }
        for (List<Schema> branches : List.of(nonNull(resolved.getAnyOf()), nonNull(resolved.getOneOf()),
                nonNull(resolved.getAllOf()))) {
            for (Schema<?> branch : branches) {
                Set<String> branchTypes = types(branch, depth + 1);
                if (branchTypes.isEmpty()) {
                    return new java.util.HashSet<>(); // a branch allowing anything
                }
                types.addAll(branchTypes);
            }
        }
        return types;
    }

    /** The items schema of an array schema (resolved), or null. */
    Schema<?> items(Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        return resolved == null || !"array".equals(type(resolved)) ? null : resolve(resolved.getItems());
    }

    /**
     * The JSON schema of a request or response body ({@code application/json} first, then any JSON or form, then a
     * multipart form, whose file parts the twin stores as their description).
     */
    static Schema<?> bodySchema(Map<String, MediaType> content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        MediaType json = content.get("application/json");
        if (json != null && json.getSchema() != null) {
            return json.getSchema();
        }
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            String type = media.getKey().toLowerCase(java.util.Locale.ROOT);
            if ((type.contains("json") || type.startsWith("application/x-www-form-urlencoded")
                    || type.equals("*/*")) && media.getValue().getSchema() != null) {
                return media.getValue().getSchema();
            }
        }
        MediaType multipart = content.get("multipart/form-data");
        return multipart == null ? null : multipart.getSchema();
    }

    @SuppressWarnings("rawtypes")
    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
