package dev.twin.inference.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The codes an error response can carry: for each field named like a code ({@code code}, {@code type},
 * {@code error}, {@code error_code} … at any depth) the enum values its schema allows plus the values its examples
 * show — an inferred spec holds the first recorded body of each status as the example.
 */
final class ErrorCodes {
    private static final Set<String> CODE_FIELDS = Set.of("code", "type", "error", "error_code", "errorCode",
            "error_type", "errorType");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorCodes() {
    }

    /** 4xx, 5xx, 4XX, 5XX and default. */
    static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5") || status.equals("default");
    }

    /** Field path → codes, only for code fields with at least one known value. */
    static Map<String, Set<String>> of(Map<String, FieldShape> fields, MediaType media) {
        Map<String, Set<String>> codes = new TreeMap<>();
        fields.forEach((path, field) -> {
            if (isCodeField(path) && field.enumValues() != null) {
                codes.computeIfAbsent(path, p -> new LinkedHashSet<>()).addAll(field.enumValues());
            }
        });
        if (media != null) {
            if (media.getExample() != null) {
                collect("", JSON.valueToTree(media.getExample()), codes);
            }
            if (media.getExamples() != null) {
                for (Example example : media.getExamples().values()) {
                    if (example != null && example.getValue() != null) {
                        collect("", JSON.valueToTree(example.getValue()), codes);
                    }
                }
            }
            if (media.getSchema() != null && media.getSchema().getExample() != null) {
                collect("", JSON.valueToTree(media.getSchema().getExample()), codes);
            }
        }
        return codes;
    }

    private static void collect(String path, JsonNode value, Map<String, Set<String>> codes) {
        if (value == null) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> collect(path.isEmpty() ? field.getKey()
                    : path + "." + field.getKey(), field.getValue(), codes));
        } else if (value.isArray()) {
            value.forEach(item -> collect(path + "[]", item, codes));
        } else if ((value.isTextual() || value.isNumber()) && isCodeField(path)) {
            codes.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(value.asText());
        }
    }

    private static boolean isCodeField(String path) {
        for (String name : CODE_FIELDS) {
            if (path.endsWith(name) && (path.length() == name.length()
                    || path.charAt(path.length() - name.length() - 1) == '.')) {
                return true;
            }
        }
        return false;
    }
}
