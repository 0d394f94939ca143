package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.schema.ShapeAggregate;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/** All responses of one status of one operation. */
public final class ResponseStats {
    long count;
    long json;
    long empty;
    long other;
    String otherContentType;
    /** The media type of the first JSON answer ({@code application/vnd.api+json}), or null when unnamed. */
    String jsonMediaType;
    final ShapeAggregate body = new ShapeAggregate();
    JsonNode firstJson;
    /** "arrayField count.path" pairs whose number was the array's length in every JSON object body; null = none yet. */
    TreeSet<String> countPaths;

    public long count() {
        return count;
    }

    public boolean hasJson() {
        return json > 0;
    }

    public boolean alwaysEmpty() {
        return empty == count;
    }

    /** The media type JSON answers of this status came as; {@code application/json} when unnamed. */
    public String jsonMediaType() {
        return jsonMediaType == null ? "application/json" : jsonMediaType;
    }

    public String otherContentType() {
        return other > 0 ? otherContentType : null;
    }

    /** The first JSON body recorded with this status (unscrubbed), or null. */
    public JsonNode firstJson() {
        return firstJson;
    }

    /**
     * Dotted paths (at most two deep, e.g. {@code meta.total}) of numbers that equalled the length of the top-level
     * array {@code arrayField} in every JSON object answer with this status.
     */
    public TreeSet<String> countPathsOf(String arrayField) {
        TreeSet<String> out = new TreeSet<>();
        if (countPaths != null) {
            String prefix = arrayField + " ";
            countPaths.stream().filter(p -> p.startsWith(prefix)).forEach(p -> out.add(p.substring(prefix.length())));
        }
        return out;
    }

    void noteCounts(JsonNode body) {
        TreeSet<String> seen = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> arrays = body.fields(); arrays.hasNext(); ) {
            Map.Entry<String, JsonNode> array = arrays.next();
            if (array.getValue().isArray()) {
                collectCounts(array.getKey(), array.getValue().size(), body, "", 0, seen);
            }
        }
        if (countPaths == null) {
            countPaths = seen;
        } else {
            countPaths.retainAll(seen);
        }
    }

    private static void collectCounts(String arrayField, int size, JsonNode node, String prefix, int depth,
                                      TreeSet<String> seen) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isIntegralNumber() && value.asLong() == size) {
                seen.add(arrayField + " " + prefix + field.getKey());
            } else if (value.isObject() && depth == 0) {
                collectCounts(arrayField, size, value, field.getKey() + ".", 1, seen);
            }
        }
    }

    public ShapeAggregate body() {
        return body;
    }
}
