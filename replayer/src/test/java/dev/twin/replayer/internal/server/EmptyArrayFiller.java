package dev.twin.replayer.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.generate.BodyGenerator;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives every empty array of a generated form body one generated item: a form cannot express an empty array, so
 * an empty array the schema requires would otherwise read as a missing parameter.
 */
final class EmptyArrayFiller {
    private final Components components;
    private final BodyGenerator generator;
    private final long seed;

    EmptyArrayFiller(Components components, BodyGenerator generator, long seed) {
        this.components = components;
        this.generator = generator;
        this.seed = seed;
    }

    void fill(JsonNode node, Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
                fill(field.getValue(), property(resolved, field.getKey()));
            }
        } else if (node instanceof ArrayNode array) {
            Schema<?> items = items(resolved);
            if (items == null) {
                return;
            }
            if (array.isEmpty()) {
                array.add(generator.generate(items, seed));
            }
            array.forEach(element -> fill(element, items));
        }
    }

    private Schema<?> property(Schema<?> schema, String name) {
        if (schema.getProperties() != null && schema.getProperties().containsKey(name)) {
            return schema.getProperties().get(name);
        }
        for (Schema<?> alternative : alternatives(schema)) {
            Schema<?> found = property(resolve(alternative), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Schema<?> items(Schema<?> schema) {
        if (schema.getItems() != null) {
            return schema.getItems();
        }
        for (Schema<?> alternative : alternatives(schema)) {
            Schema<?> found = items(resolve(alternative));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<Schema> alternatives(Schema<?> schema) {
        List<Schema> all = new ArrayList<>();
        if (schema.getAnyOf() != null) {
            all.addAll(schema.getAnyOf());
        }
        if (schema.getOneOf() != null) {
            all.addAll(schema.getOneOf());
        }
        if (schema.getAllOf() != null) {
            all.addAll(schema.getAllOf());
        }
        return all;
    }

    private Schema<?> resolve(Schema<?> schema) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        String ref = schema.get$ref();
        return components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
