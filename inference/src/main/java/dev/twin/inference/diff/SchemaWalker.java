package dev.twin.inference.diff;

import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flattens a schema into field paths: {@code ""} for the root, {@code "data[].email"} for the email of each item of
 * the data array, {@code "metadata.*"} for the values of a map. allOf parts are merged; oneOf/anyOf variants are
 * united — a field only some variants have is optional, a field the variants type differently has all their types.
 * <p>
 * $refs are followed, each at most once per body, breadth first: the shallowest use of a component is expanded and
 * uses at other paths are {@link FieldShape#truncated() truncated} leaves (the variants of one node all expand it). Without that, recursive and densely linked specs
 * (Stripe's expandable fields) would unfold without end; with it a body costs at most the size of its components.
 */
final class SchemaWalker {
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final int MAX_DEPTH = 16;

    private final Map<String, Schema> components;
    private final Map<String, Map<String, FieldShape>> byRef = new HashMap<>();

    SchemaWalker(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    private record Pending(String path, List<Schema> schemas, boolean required, int depth) {
    }

    /** The merged view of one node: its own keywords plus those of its $ref, allOf parts and oneOf variants. */
    private static final class Node {
        final Set<String> types = new TreeSet<>();
        boolean anyType;
        boolean truncated;
        List<String> enumValues;
        final Map<String, List<Schema>> properties = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        final List<Schema> items = new ArrayList<>();
        final List<Schema> values = new ArrayList<>();
    }

    /** Field path → shape; empty for a null schema (no body). */
    Map<String, FieldShape> flatten(Schema<?> schema, boolean rootRequired) {
        if (schema == null) {
            return Map.of();
        }
        if (schema.get$ref() == null) {
            return walk(schema, rootRequired);
        }
        // many operations answer the same component (every Stripe error is $ref: error): walk it once
        return byRef.computeIfAbsent(schema.get$ref() + " " + rootRequired, key -> walk(schema, rootRequired));
    }

    private Map<String, FieldShape> walk(Schema<?> schema, boolean rootRequired) {
        Map<String, FieldShape> out = new LinkedHashMap<>();
        Set<String> expanded = new HashSet<>();
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending("", List.of(schema), rootRequired, 0));
        while (!queue.isEmpty()) {
            Pending next = queue.poll();
            Set<String> here = new HashSet<>();
            Node node = union(next.schemas(), expanded, Set.of(), here);
            expanded.addAll(here);
            boolean hasChildren = !node.properties.isEmpty() || !node.items.isEmpty() || !node.values.isEmpty();
            boolean deepest = next.depth() >= MAX_DEPTH && hasChildren;
            out.put(next.path(), new FieldShape(node.anyType ? Set.of() : node.types, next.required(),
                    node.enumValues, node.truncated || deepest));
            if (deepest) {
                continue;
            }
            String path = next.path();
            int depth = next.depth() + 1;
            node.properties.forEach((name, schemas) -> queue.add(new Pending(path.isEmpty() ? name : path + "." + name,
                    schemas, node.required.contains(name), depth)));
            if (!node.items.isEmpty()) {
                queue.add(new Pending(path + "[]", node.items, true, depth));
            }
            if (!node.values.isEmpty()) {
                queue.add(new Pending(path.isEmpty() ? "*" : path + ".*", node.values, false, depth));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Alternatives (oneOf/anyOf variants, or one property's schemas from several variants) united. */
    private Node union(List<Schema> schemas, Set<String> expanded, Set<String> chain, Set<String> here) {
        if (schemas.size() == 1) {
            return collect(schemas.get(0), expanded, chain, here);
        }
        Node united = new Node();
        List<Node> variants = new ArrayList<>();
        for (Schema schema : schemas) {
            variants.add(collect(schema, expanded, chain, here));
        }
        boolean everyEnum = true;
        Set<String> enumValues = new LinkedHashSet<>();
        for (Node variant : variants) {
            united.anyType |= variant.anyType;
            united.truncated |= variant.truncated;
            united.types.addAll(variant.types);
            variant.properties.forEach((name, list) ->
                    united.properties.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list));
            united.items.addAll(variant.items);
            united.values.addAll(variant.values);
            if (variant.enumValues == null) {
                everyEnum = false;
            } else {
                enumValues.addAll(variant.enumValues);
            }
        }
        united.enumValues = everyEnum ? new ArrayList<>(enumValues) : null;
        for (String name : united.properties.keySet()) {
            if (variants.stream().allMatch(v -> v.required.contains(name))) {
                united.required.add(name);
            }
        }
        return united;
    }

    /**
     * @param expanded refs expanded at other paths (not again here)
     * @param chain    refs being resolved on the way to this schema within the node (a ref inside itself ends)
     * @param here     refs this node expands; the same ref in two variants of one node is expanded in both
     */
    private Node collect(Schema<?> schema, Set<String> expanded, Set<String> chain, Set<String> here) {
        String ref = schema.get$ref();
        if (ref != null) {
            String name = ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref;
            Schema<?> target = components.get(name);
            if (target == null) {
                Node unknown = new Node();
                unknown.anyType = true;
                return unknown;
            }
            if (expanded.contains(name) || chain.contains(name)) {
                return leaf(target);
            }
            here.add(name);
            Set<String> deeper = new HashSet<>(chain);
            deeper.add(name);
            return collect(target, expanded, deeper, here);
        }
        Node node = new Node();
        ownKeywords(schema, node);
        if (schema.getAllOf() != null) {
            for (Schema part : schema.getAllOf()) {
                merge(node, collect(part, expanded, chain, here));
            }
        }
        List<Schema> variants = new ArrayList<>();
        if (schema.getOneOf() != null) {
            variants.addAll(schema.getOneOf());
        }
        if (schema.getAnyOf() != null) {
            variants.addAll(schema.getAnyOf());
        }
        if (!variants.isEmpty()) {
            Node united = union(variants, expanded, chain, here);
            node.anyType |= united.anyType && node.types.isEmpty();
            merge(node, united);
        }
        settleType(schema, node);
        return node;
    }

    /** A component already expanded elsewhere: its own type and enum, nothing below. */
    private static Node leaf(Schema<?> target) {
        Node node = new Node();
        typesAndEnum(target, node);
        node.truncated = true;
        if (node.types.isEmpty() && (target.getProperties() != null || target.getAllOf() != null
                || target.getAdditionalProperties() instanceof Schema<?>)) {
            node.types.add("object");
        } else if (node.types.isEmpty() && target.getItems() != null) {
            node.types.add("array");
        }
        settleType(target, node);
        return node;
    }

    /** Untyped schemas typed by what they hold; nothing at all means any value. */
    private static void settleType(Schema<?> schema, Node node) {
        if (node.types.isEmpty()) {
            if (!node.properties.isEmpty() || !node.values.isEmpty()) {
                node.types.add("object");
            } else if (!node.items.isEmpty()) {
                node.types.add("array");
            } else {
                node.anyType = true;
            }
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && !node.anyType) {
            node.types.add("null");
        }
    }

    private static void ownKeywords(Schema<?> schema, Node node) {
        typesAndEnum(schema, node);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, sub) -> node.properties.put(name, new ArrayList<>(List.of(sub))));
        }
        if (schema.getRequired() != null) {
            node.required.addAll(schema.getRequired());
        }
        if (schema.getItems() != null) {
            node.items.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            node.values.add(values);
        }
    }

    private static void typesAndEnum(Schema<?> schema, Node node) {
        String format = schema.getFormat();
        Set<String> declared = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            declared.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            declared.add(schema.getType());
        }
        for (String type : declared) {
            node.types.add(type.equals("null") || format == null || format.isEmpty() ? type
                    : type + "(" + format + ")");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            node.enumValues = new ArrayList<>();
            for (Object value : schema.getEnum()) {
                node.enumValues.add(String.valueOf(value));
            }
        }
    }

    /** allOf: every part applies, so properties and required add up and the types narrow. */
    private static void merge(Node into, Node part) {
        if (!part.anyType && !part.types.isEmpty()) {
            if (into.types.isEmpty()) {
                into.types.addAll(part.types);
            } else {
                Set<String> common = new TreeSet<>(into.types);
                common.retainAll(part.types);
                if (!common.isEmpty()) {
                    into.types.retainAll(common);
                }
            }
        }
        if (into.enumValues == null) {
            into.enumValues = part.enumValues;
        }
        into.truncated |= part.truncated;
        part.properties.forEach((name, list) -> into.properties.computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(list));
        into.required.addAll(part.required);
        into.items.addAll(part.items);
        into.values.addAll(part.values);
    }
}
