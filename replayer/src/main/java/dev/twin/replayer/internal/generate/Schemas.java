package dev.twin.replayer.internal.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Reading facts off a swagger-core schema uniformly for OpenAPI 3.0 ({@code nullable}) and 3.1 (type arrays). */
final class Schemas {

    /** The order in which a schema allowing several types picks the one to generate. */
    private static final List<String> TYPE_PRIORITY = List.of("object", "array", "string", "integer", "number",
            "boolean");

    private Schemas() {
    }

    static boolean allowsNull(Schema<?> schema) {
        if (Boolean.TRUE.equals(schema.getNullable())) {
            return true;
        }
        Set<String> types = schema.getTypes();
        return types != null && types.contains("null");
    }

    /** The declared non-null type to generate, or null when none is declared. */
    static String declaredType(Schema<?> schema) {
        Set<String> types = schema.getTypes();
        if (types != null && !types.isEmpty()) {
            for (String type : TYPE_PRIORITY) {
                if (types.contains(type)) {
                    return type;
                }
            }
            return types.contains("null") ? "null" : null;
        }
        return schema.getType();
    }

    /** The declared type, else the type the schema's keywords imply, else null (any value). */
    static String effectiveType(Schema<?> schema) {
        String declared = declaredType(schema);
        if (declared != null) {
            return declared;
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null || schema.getPrefixItems() != null) {
            return "array";
        }
        String format = schema.getFormat();
        if (format != null) {
            return switch (format) {
                case "int32", "int64", "unix-time" -> "integer";
                case "float", "double" -> "number";
                default -> "string";
            };
        }
        if (schema.getMinimum() != null || schema.getMaximum() != null || schema.getMultipleOf() != null) {
            return "number";
        }
        if (schema.getMinLength() != null || schema.getMaxLength() != null || schema.getPattern() != null) {
            return "string";
        }
        return null;
    }

    /** The schema-level example: 3.1 {@code examples[0]}, else 3.0 {@code example}; null when absent. */
    static Object example(Schema<?> schema) {
        List<?> examples = schema.getExamples();
        if (examples != null && !examples.isEmpty()) {
            return examples.get(0);
        }
        return schema.getExample();
    }

    static boolean isWriteOnly(Schema<?> schema) {
        return Boolean.TRUE.equals(schema.getWriteOnly());
    }

    /** Converts a value held by the swagger model (enum entry, default, example) to JSON. */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return JsonNodeFactory.instance.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return JsonNodeFactory.instance.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long) {
            return JsonNodeFactory.instance.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return JsonNodeFactory.instance.numberNode(decimal);
        }
        if (value instanceof BigInteger integer) {
            return JsonNodeFactory.instance.numberNode(integer);
        }
        if (value instanceof OffsetDateTime time) {
            return JsonNodeFactory.instance.textNode(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (value instanceof Date date) {
            return JsonNodeFactory.instance.textNode(LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString());
        }
        if (value instanceof byte[] bytes) {
            return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof java.util.UUID || value instanceof java.net.URI) {
            return JsonNodeFactory.instance.textNode(value.toString());
        }
        return Json.mapper().valueToTree(value);
    }
}
