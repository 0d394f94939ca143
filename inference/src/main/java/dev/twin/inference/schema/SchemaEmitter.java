package dev.twin.inference.schema;

import dev.twin.inference.seed.Scrubber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Writes a merged {@link ShapeAggregate} as an OpenAPI 3.0 schema (a map in a fixed key order). Required = present
 * in every sample; nullable when null was seen; integer unless a decimal was seen; enums for few repeated safe
 * strings; formats that held for every value.
 */
public final class SchemaEmitter {
    private static final Pattern TIME_NAME = Pattern.compile(
            "(?i).*(created|updated|_at|At|date|time|expires|timestamp|period_start|period_end).*");
    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9_. -]{0,39}");
    private static final int ENUM_MIN_SAMPLES = 4;
    private static final int ENUM_MAX_VALUES = 5;

    private final boolean request;
    /** Lets a caller replace an object schema by a {@code $ref} (named components); null keeps it inline. */
    private final BiFunction<String, ShapeAggregate, String> refs;

    public SchemaEmitter(boolean request, BiFunction<String, ShapeAggregate, String> refs) {
        this.request = request;
        this.refs = refs;
    }

    public Map<String, Object> emit(ShapeAggregate shape) {
        return emit("", shape, 0);
    }

    public Map<String, Object> emit(String name, ShapeAggregate shape, int depth) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (shape == null || shape.samples == 0) {
            return schema;
        }
        if (refs != null && depth > 0 && shape.isObject()) {
            String ref = refs.apply(name, shape);
            if (ref != null) {
                schema.put("$ref", ref);
                return schema;
            }
        }
        int kinds = (shape.objects > 0 ? 1 : 0) + (shape.arrays > 0 ? 1 : 0) + (shape.booleans > 0 ? 1 : 0)
                + (shape.integers + shape.decimals > 0 ? 1 : 0) + (shape.strings != null ? 1 : 0);
        if (kinds == 1) {
            if (shape.objects > 0) {
                object(shape, schema, depth);
            } else if (shape.arrays > 0) {
                schema.put("type", "array");
                schema.put("items", shape.items == null ? new LinkedHashMap<>() : emit(name, shape.items, depth + 1));
            } else if (shape.booleans > 0) {
                schema.put("type", "boolean");
            } else if (shape.integers + shape.decimals > 0) {
                schema.put("type", shape.decimals > 0 ? "number" : "integer");
                if (shape.decimals == 0 && !request && shape.isUnixTimestamp() && TIME_NAME.matcher(name).matches()) {
                    schema.put("format", "unix-time");
                } else if (shape.decimals == 0 && (shape.maxInteger > Integer.MAX_VALUE
                        || shape.minInteger < Integer.MIN_VALUE)) {
                    schema.put("format", "int64");
                }
            } else {
                string(shape.strings, schema);
            }
        } else if (kinds > 1) {
            // the server took (or gave) values of several JSON types here: any of them is valid, nothing more
            List<Object> anyOf = new ArrayList<>();
            if (shape.objects > 0) {
                anyOf.add(Map.of("type", "object"));
            }
            if (shape.arrays > 0) {
                anyOf.add(Map.of("type", "array"));
            }
            if (shape.booleans > 0) {
                anyOf.add(Map.of("type", "boolean"));
            }
            if (shape.integers + shape.decimals > 0) {
                anyOf.add(Map.of("type", shape.decimals > 0 ? "number" : "integer"));
            }
            if (shape.strings != null) {
                anyOf.add(Map.of("type", "string"));
            }
            schema.put("anyOf", anyOf);
        }
        if (shape.nulls > 0) {
            if (kinds == 0) {
                schema.put("type", "string");
            }
            schema.put("nullable", true);
        }
        return schema;
    }

    private void object(ShapeAggregate shape, Map<String, Object> schema, int depth) {
        schema.put("type", "object");
        if (shape.properties.isEmpty()) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        shape.properties.forEach((property, sub) -> {
            properties.put(property, emit(property, sub, depth + 1));
            // a recording cannot tell "always sent" from "required": request bodies require nothing
            if (!request && sub.samples == shape.objects) {
                required.add(property);
            }
        });
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
    }

    private void string(StringStats strings, Map<String, Object> schema) {
        schema.put("type", "string");
        String format = strings.format();
        if (format != null && !(request && format.equals("uri"))) {
            schema.put("format", format);
            return;
        }
        if (!request && !strings.tooManyDistinct && strings.count >= ENUM_MIN_SAMPLES && !strings.distinct.isEmpty()
                && strings.distinct.size() <= ENUM_MAX_VALUES && strings.distinct.size() * 2L <= strings.count
                && strings.idPrefix.isEmpty()
                && strings.distinct.keySet().stream().allMatch(v -> ENUM_VALUE.matcher(v).matches()
                && Scrubber.isSafeLiteral(v))) {
            schema.put("enum", new ArrayList<>(strings.distinct.keySet()));
        }
    }
}
