package dev.twin.replayer.internal.resource;

import com.github.curiousoddman.rgxgen.RgxGen;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request parameters a client would send at the least: every property a request schema requires, with a value
 * its schema accepts (an enum's first value, a string of its format, a number within its bounds). Deterministic.
 */
final class SampleParams {
    private static final int MAX_DEPTH = 6;

    private final SchemaLookup schemas;

    SampleParams(SchemaLookup schemas) {
        this.schemas = schemas;
    }

    /** The query parameters an operation requires, each with a value its schema accepts. */
    Map<String, Object> requiredQuery(dev.twin.replayer.internal.spec.ApiOperation operation) {
        Map<String, Object> query = new LinkedHashMap<>();
        var parameters = operation.operation().getParameters();
        if (parameters != null) {
            for (var parameter : parameters) {
                if ("query".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
                    query.put(parameter.getName(), value(parameter.getSchema(), parameter.getName(), 1));
                }
            }
        }
        return query;
    }

    /** The required properties of a request body schema and a value for each; empty for no schema. */
    Map<String, Object> required(Schema<?> schema) {
        Object value = schema == null ? null : object(schemas.resolve(schema), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
        return params;
    }

    Object value(Schema<?> schema, String name, int depth) {
        Schema<?> resolved = schemas.resolve(schema);
        if (resolved == null || depth > MAX_DEPTH) {
            return "twin";
        }
        List<Schema> branches = resolved.getAnyOf() != null ? resolved.getAnyOf() : resolved.getOneOf();
        if (branches != null && !branches.isEmpty()) {
            for (Schema<?> branch : branches) {
                Schema<?> option = schemas.resolve(branch);
                if (option != null && !(option.getEnum() != null && option.getEnum().contains(""))) {
                    return value(option, name, depth + 1);
                }
            }
        }
        if (resolved.getEnum() != null && !resolved.getEnum().isEmpty()) {
            for (Object option : resolved.getEnum()) {
                if (option != null && !"".equals(option)) {
                    return option;
                }
            }
        }
        String type = SchemaLookup.type(resolved);
        if (type == null && !schemas.properties(resolved).isEmpty()) {
            type = "object";
        }
        if (type == null) {
            type = "string";
        }
        return switch (type) {
            case "integer" -> integer(resolved);
            case "number" -> 10;
            case "boolean" -> true;
            case "array" -> {
                List<Object> items = new ArrayList<>();
                items.add(value(resolved.getItems(), name, depth + 1));
                yield items;
            }
            case "object" -> object(resolved, depth);
            default -> string(resolved, name);
        };
    }

    private Object object(Schema<?> schema, int depth) {
        Map<String, Schema<?>> properties = schemas.properties(schema);
        Map<String, Object> object = new LinkedHashMap<>();
        if (properties.isEmpty()) {
            object.put("twin", "yes");
            return object;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (String name : required) {
            if (properties.containsKey(name)) {
                object.put(name, value(properties.get(name), name, depth + 1));
            }
        }
        if (object.isEmpty() && depth > 0) {
            // a nested object with nothing required still has to say something, or a form sends nothing at all
            Map.Entry<String, Schema<?>> first = properties.entrySet().iterator().next();
            object.put(first.getKey(), value(first.getValue(), first.getKey(), depth + 1));
        }
        return object;
    }

    /** A small file to upload where a multipart form wants one. */
    private static java.io.File uploadedFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("twin-upload", ".txt");
            java.nio.file.Files.writeString(file, "twin");
            file.toFile().deleteOnExit();
            return file.toFile();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object integer(Schema<?> schema) {
        if ("unix-time".equals(schema.getFormat())) {
            return System.currentTimeMillis() / 1000 + 86_400;
        }
        long value = 1000;
        if (schema.getMaximum() != null) {
            value = Math.min(value, schema.getMaximum().longValue());
        }
        if (schema.getMinimum() != null) {
            value = Math.max(value, schema.getMinimum().add(BigDecimal.ZERO).longValue());
        }
        return value;
    }

    private static Object string(Schema<?> schema, String name) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        if (format.equals("binary")) {
            return uploadedFile();
        }
        String text;
        if (schema.getPattern() != null) {
            try {
                text = RgxGen.parse(schema.getPattern().replaceAll("^\\^|\\$$", "")).generate(new Random(7));
            } catch (RuntimeException unreadable) {
                text = "twin";
            }
        } else if (format.equals("email") || lower.contains("email")) {
            text = "jenny@example.com";
        } else if (format.equals("uri") || format.equals("url") || lower.endsWith("url")) {
            text = "https://example.com/twin";
        } else if (format.equals("date-time")) {
            text = "2024-01-01T00:00:00Z";
        } else if (format.equals("date")) {
            text = "2024-01-01";
        } else if (format.equals("phone-number") || lower.contains("phone")) {
            text = "+15005550006";
        } else if (lower.equals("currency")) {
            text = "usd";
        } else if (lower.contains("country")) {
            text = "US";
        } else {
            text = "twin";
        }
        if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
            text = text.substring(0, schema.getMaxLength());
        }
        if (schema.getMinLength() != null && text.length() < schema.getMinLength()) {
            text = text + "x".repeat(schema.getMinLength() - text.length());
        }
        return text;
    }
}
