package dev.twin.replayer.internal.generate;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small, depth-bounded structural check of a value against a schema: types, enum/const, required, declared
 * properties, additionalProperties, lengths, pattern, bounds and compositions. Formats are not checked.
 * Used to accept spec examples only when they fit, and to keep a oneOf body matching exactly one branch.
 */
final class SchemaMatcher {

    private static final int DEFAULT_DEPTH = 6;

    private final SchemaResolver resolver;

    SchemaMatcher(SchemaResolver resolver) {
        this.resolver = resolver;
    }

    boolean matches(Schema<?> schema, JsonNode value) {
        return matches(schema, value, DEFAULT_DEPTH);
    }

    private boolean matches(Schema<?> schema, JsonNode value, int depth) {
        if (depth < 0) {
            return true;
        }
        Schema<?> resolved = resolver.resolve(schema);
        if (resolved == null) {
            return true;
        }
        if (resolved.getConst() != null && !sameValue(Schemas.toJson(resolved.getConst()), value)) {
            return false;
        }
        if (resolved.getAllOf() != null) {
            for (Schema<?> member : resolved.getAllOf()) {
                if (!matches(member, value, depth - 1)) {
                    return false;
                }
            }
        }
        if (resolved.getAnyOf() != null && !resolved.getAnyOf().isEmpty()
                && !(value.isNull() && Schemas.allowsNull(resolved)) && countMatches(resolved.getAnyOf(), value,
                depth) == 0) {
            return false;
        }
        if (resolved.getOneOf() != null && !resolved.getOneOf().isEmpty()
                && !(value.isNull() && Schemas.allowsNull(resolved)) && countMatches(resolved.getOneOf(), value,
                depth) != 1) {
            return false;
        }
        if (value.isNull()) {
            return Schemas.allowsNull(resolved) || Schemas.declaredType(resolved) == null && enumAdmits(resolved,
                    value);
        }
        if (!enumAdmits(resolved, value)) {
            return false;
        }
        String type = Schemas.declaredType(resolved);
        if (type != null && !hasType(resolved, value)) {
            return false;
        }
        if (value.isTextual()) {
            return stringFits(resolved, value.textValue());
        }
        if (value.isNumber()) {
            return numberFits(resolved, value.decimalValue());
        }
        if (value.isObject()) {
            return objectFits(resolved, value, depth);
        }
        if (value.isArray()) {
            return arrayFits(resolved, value, depth);
        }
        return true;
    }

    private int countMatches(List<Schema> branches, JsonNode value, int depth) {
        int count = 0;
        for (Schema<?> branch : branches) {
            if (matches(branch, value, depth - 1)) {
                count++;
            }
        }
        return count;
    }

    private static boolean enumAdmits(Schema<?> schema, JsonNode value) {
        List<?> values = schema.getEnum();
        if (values == null || values.isEmpty()) {
            return true;
        }
        for (Object candidate : values) {
            if (sameValue(Schemas.toJson(candidate), value)) {
                return true;
            }
        }
        return false;
    }

    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean hasType(Schema<?> schema, JsonNode value) {
        java.util.Set<String> types = schema.getTypes();
        Iterable<String> declared = types != null && !types.isEmpty() ? types : List.of(schema.getType());
        for (String type : declared) {
            boolean fits = switch (type) {
                case "object" -> value.isObject();
                case "array" -> value.isArray();
                case "string" -> value.isTextual();
                case "integer" -> value.isIntegralNumber()
                        || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
                case "number" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                case "null" -> value.isNull();
                default -> true;
            };
            if (fits) {
                return true;
            }
        }
        return false;
    }

    private static boolean stringFits(Schema<?> schema, String text) {
        int length = text.codePointCount(0, text.length());
        return (schema.getMinLength() == null || length >= schema.getMinLength())
                && (schema.getMaxLength() == null || length <= schema.getMaxLength())
                && (schema.getPattern() == null || PatternFiller.matches(schema.getPattern(), text));
    }

    private static boolean numberFits(Schema<?> schema, BigDecimal number) {
        boolean exclusiveMin = Boolean.TRUE.equals(schema.getExclusiveMinimum());
        boolean exclusiveMax = Boolean.TRUE.equals(schema.getExclusiveMaximum());
        if (schema.getMinimum() != null) {
            int c = number.compareTo(schema.getMinimum());
            if (c < 0 || c == 0 && exclusiveMin) {
                return false;
            }
        }
        if (schema.getMaximum() != null) {
            int c = number.compareTo(schema.getMaximum());
            if (c > 0 || c == 0 && exclusiveMax) {
                return false;
            }
        }
        if (schema.getExclusiveMinimumValue() != null && number.compareTo(schema.getExclusiveMinimumValue()) <= 0) {
            return false;
        }
        if (schema.getExclusiveMaximumValue() != null && number.compareTo(schema.getExclusiveMaximumValue()) >= 0) {
            return false;
        }
        BigDecimal multipleOf = schema.getMultipleOf();
        return multipleOf == null || multipleOf.signum() <= 0 || number.remainder(multipleOf).signum() == 0;
    }

    @SuppressWarnings("rawtypes")
    private boolean objectFits(Schema<?> schema, JsonNode object, int depth) {
        if (schema.getRequired() != null) {
            for (String name : schema.getRequired()) {
                if (!object.has(name)) {
                    return false;
                }
            }
        }
        Map<String, Schema> properties = schema.getProperties();
        Object additional = schema.getAdditionalProperties();
        if (schema.getMaxProperties() != null && object.size() > schema.getMaxProperties()
                || schema.getMinProperties() != null && object.size() < schema.getMinProperties()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Schema<?> declared = properties == null ? null : properties.get(field.getKey());
            if (declared != null) {
                if (!matches(declared, field.getValue(), depth - 1)) {
                    return false;
                }
            } else if (Boolean.FALSE.equals(additional)) {
                return false;
            } else if (additional instanceof Schema<?> valueSchema && !matches(valueSchema, field.getValue(),
                    depth - 1)) {
                return false;
            }
        }
        return true;
    }

    private boolean arrayFits(Schema<?> schema, JsonNode array, int depth) {
        if (schema.getMinItems() != null && array.size() < schema.getMinItems()
                || schema.getMaxItems() != null && array.size() > schema.getMaxItems()) {
            return false;
        }
        if (schema.getItems() != null) {
            for (JsonNode item : array) {
                if (!matches(schema.getItems(), item, depth - 1)) {
                    return false;
                }
            }
        }
        return true;
    }
}
