package dev.twin.replayer.internal.spec;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Map;

/** Follows a schema's {@code $ref} chain to the component schema it names ({@code #/components/schemas/Pet}). */
public final class ComponentRefs {
    /** A chain longer than this is a loop of references: resolved to nothing. */
    private static final int MAX_HOPS = 32;

    private final Map<String, Schema> schemas;

    public ComponentRefs(Components components) {
        Map<String, Schema> named = components == null ? null : components.getSchemas();
        this.schemas = named == null ? Map.of() : named;
    }

    /** The schema itself, or the end of its reference chain; null when a reference dangles or loops. */
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null; hops++) {
            if (hops == MAX_HOPS) {
                return null;
            }
            current = schemas.get(name(current));
        }
        return current;
    }

    /** The component a schema's reference names: its last JSON-pointer segment, unescaped; null without one. */
    public static String name(Schema<?> schema) {
        if (schema == null || schema.get$ref() == null) {
            return null;
        }
        String ref = schema.get$ref();
        return ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
