package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Nested fields that repeat a top-level field of the same row ({@code fields.copy}): RabbitMQ answers a vhost with
 * {@code metadata: {description, tags}} holding the {@code description} and {@code tags} it shows beside them.
 *
 * <p>The evidence, from every row a read answered: {@code o.k} repeats {@code f} when in every row holding
 * {@code o.k} the row's {@code f} held the same value, with two different values at least; an object {@code o} is
 * copied only when each of its fields, in every row, is such a repeat (else the twin would answer part of it).
 */
public final class CopiedFields {
    private static final int MAX_VALUES = 64;

    /** Per resource, per "o.k": the candidate sources still agreeing, and the values seen. */
    private final Map<Resource, Map<String, Set<String>>> sources = new HashMap<>();
    private final Map<Resource, Map<String, Set<String>>> values = new HashMap<>();

    /** A row as a read (get or list) answered it. */
    public void row(Resource resource, JsonNode row) {
        if (row == null || !row.isObject()) {
            return;
        }
        Map<String, Set<String>> candidates = sources.computeIfAbsent(resource, r -> new TreeMap<>());
        Map<String, Set<String>> seen = values.computeIfAbsent(resource, r -> new HashMap<>());
        for (Iterator<Map.Entry<String, JsonNode>> objects = row.fields(); objects.hasNext(); ) {
            Map.Entry<String, JsonNode> object = objects.next();
            if (!object.getValue().isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> leaf = it.next();
                String path = object.getKey() + "." + leaf.getKey();
                Set<String> agreeing = new HashSet<>();
                row.fields().forEachRemaining(top -> {
                    if (!top.getKey().equals(object.getKey()) && top.getValue().equals(leaf.getValue())) {
                        agreeing.add(top.getKey());
                    }
                });
                Set<String> still = candidates.get(path);
                if (still == null) {
                    candidates.put(path, agreeing);
                } else {
                    still.retainAll(agreeing);
                }
                Set<String> distinct = seen.computeIfAbsent(path, p -> new HashSet<>());
                if (distinct.size() < MAX_VALUES) {
                    distinct.add(leaf.getValue().toString());
                }
            }
        }
    }

    /** Writes {@code fields.copy} into each resource whose evidence holds, with its evidence. */
    public void settle() {
        sources.forEach((resource, candidates) -> {
            Map<String, String> copies = new LinkedHashMap<>();
            Map<String, Boolean> wholeObject = new HashMap<>();
            candidates.forEach((path, agreeing) -> {
                String object = path.substring(0, path.indexOf('.'));
                boolean copied = agreeing.size() == 1 && values.get(resource).get(path).size() >= 2;
                wholeObject.merge(object, copied, Boolean::logicalAnd);
                if (copied) {
                    copies.put(path, agreeing.iterator().next());
                }
            });
            copies.keySet().removeIf(path -> !wholeObject.get(path.substring(0, path.indexOf('.'))));
            if (copies.isEmpty()) {
                return;
            }
            resource.fields = resource.fields.withCopy(copies);
            resource.evidence.add("copies: " + copies + " (in every row read, each path held the field's value, "
                    + "two values at least)");
        });
    }
}
