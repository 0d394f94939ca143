package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A quick yes for the simple schemas most parameters have ({@code type: integer}, a string with an enum, a
 * pattern or a length): answers "valid" without the JSON Schema validator, which costs a few microseconds per
 * value. It never says "invalid": whenever a value is not clearly valid (or the schema has a keyword this class
 * does not know), the full validator runs and reports the violation in its own words.
 */
final class ScalarCheck {
    /** Keywords that assert nothing about a value. */
    private static final Set<String> ANNOTATIONS = Set.of("default", "readOnly", "writeOnly");

    private final String type;
    private final String format;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final BigDecimal exclusiveMinimum;
    private final BigDecimal exclusiveMaximum;
    private final Set<String> stringEnum;
    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;

    private ScalarCheck(JsonNode schema, Set<String> stringEnum, Pattern pattern) {
        this.type = schema.get("type").textValue();
        this.format = schema.has("format") ? schema.get("format").textValue() : null;
        this.minimum = decimal(schema.get("minimum"));
        this.maximum = decimal(schema.get("maximum"));
        this.exclusiveMinimum = decimal(schema.get("exclusiveMinimum"));
        this.exclusiveMaximum = decimal(schema.get("exclusiveMaximum"));
        this.stringEnum = stringEnum;
        this.minLength = schema.has("minLength") ? schema.get("minLength").intValue() : -1;
        this.maxLength = schema.has("maxLength") ? schema.get("maxLength").intValue() : -1;
        this.pattern = pattern;
    }

    /** The quick check for {@code schema} (a converted draft-07 schema), or null when it is not a simple one. */
    static ScalarCheck of(JsonNode schema) {
        if (schema == null || !schema.isObject() || !schema.path("type").isTextual()) {
            return null;
        }
        String type = schema.get("type").textValue();
        if (!type.equals("integer") && !type.equals("number") && !type.equals("string")
                && !type.equals("boolean")) {
            return null;
        }
        Set<String> stringEnum = null;
        Pattern pattern = null;
        Iterator<String> keywords = schema.fieldNames();
        while (keywords.hasNext()) {
            String keyword = keywords.next();
            JsonNode value = schema.get(keyword);
            switch (keyword) {
                case "type" -> {
                }
                case "format" -> {
                    if (!value.isTextual() || !knownFormat(type, value.textValue())) {
                        return null;
                    }
                }
                case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (!value.isNumber() || type.equals("string") || type.equals("boolean")) {
                        return null;
                    }
                }
                case "minLength", "maxLength" -> {
                    if (!value.isInt() || !type.equals("string")) {
                        return null;
                    }
                }
                case "enum" -> {
                    stringEnum = stringEnum(type, value);
                    if (stringEnum == null) {
                        return null;
                    }
                }
                case "pattern" -> {
                    pattern = compile(type, value);
                    if (pattern == null) {
                        return null;
                    }
                }
                default -> {
                    if (!ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
                        return null;
                    }
                }
            }
        }
        return new ScalarCheck(schema, stringEnum, pattern);
    }

    /** True only when the full validator would find nothing wrong with {@code value}. */
    boolean clearlyValid(JsonNode value) {
        return switch (type) {
            case "integer" -> value.isIntegralNumber() && fitsFormat(value) && inRange(value);
            case "number" -> (value.isIntegralNumber() || value.isFloatingPointNumber() && Double.isFinite(
                    value.doubleValue())) && inRange(value);
            case "boolean" -> value.isBoolean();
            default -> value.isTextual() && stringFits(value.textValue());
        };
    }

    private boolean fitsFormat(JsonNode value) {
        if (format == null || format.equals("int64")) {
            return format == null || value.canConvertToLong();
        }
        return !format.equals("int32") || value.canConvertToInt();
    }

    private boolean inRange(JsonNode value) {
        if (minimum == null && maximum == null && exclusiveMinimum == null && exclusiveMaximum == null) {
            return true;
        }
        BigDecimal number = value.decimalValue();
        return (minimum == null || number.compareTo(minimum) >= 0)
                && (maximum == null || number.compareTo(maximum) <= 0)
                && (exclusiveMinimum == null || number.compareTo(exclusiveMinimum) > 0)
                && (exclusiveMaximum == null || number.compareTo(exclusiveMaximum) < 0);
    }

    private boolean stringFits(String text) {
        if (stringEnum != null && !stringEnum.contains(text)) {
            return false;
        }
        if (minLength >= 0 || maxLength >= 0) {
            int length = text.codePointCount(0, text.length()); // JSON Schema counts code points
            if (minLength >= 0 && length < minLength || maxLength >= 0 && length > maxLength) {
                return false;
            }
        }
        return pattern == null || BoundedPatternFactory.finds(pattern, text);
    }

    /** Formats whose rule this class checks itself: an integer's size. */
    private static boolean knownFormat(String type, String format) {
        return type.equals("integer") && (format.equals("int32") || format.equals("int64"));
    }

    private static Set<String> stringEnum(String type, JsonNode values) {
        if (!type.equals("string") || !values.isArray()) {
            return null;
        }
        Set<String> allowed = new HashSet<>();
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                return null;
            }
            allowed.add(value.textValue());
        }
        return Set.copyOf(allowed);
    }

    private static Pattern compile(String type, JsonNode value) {
        if (!type.equals("string") || !value.isTextual()) {
            return null;
        }
        try {
            return Pattern.compile(value.textValue());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode bound) {
        return bound == null ? null : bound.decimalValue();
    }
}
