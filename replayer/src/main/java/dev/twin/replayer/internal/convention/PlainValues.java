package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and plain Java values (maps, lists, strings, numbers, booleans, null).
 * Expressions and templates see only plain values, so they need no access to Jackson's classes.
 */
public final class PlainValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainValues() {
    }

    public static Object toPlain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toPlain(node.fields());
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toPlain(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    /** An object's fields, in order, as a plain map. */
    public static Map<String, Object> toPlain(Iterator<Map.Entry<String, JsonNode>> fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        fields.forEachRemaining(e -> map.put(e.getKey(), toPlain(e.getValue())));
        return map;
    }

    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        JsonNode viewed = JsonView.treeOf(value);
        if (viewed != null) {
            return viewed.deepCopy();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value.getClass().isArray()) {
            ArrayNode array = NODES.arrayNode();
            int length = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < length; i++) {
                array.add(toJson(java.lang.reflect.Array.get(value, i)));
            }
            return array;
        }
        if (value instanceof Iterator<?> iterator) {
            ArrayNode array = NODES.arrayNode();
            iterator.forEachRemaining(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? NODES.numberNode((long) d) : NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(value));
    }
}
