package dev.twin.replayer.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Filters listed rows by the top-level fields a request names ({@code ?email=jenny@example.com},
 * Twilio's {@code ?To=+15551234567}). A parameter filters only when some row has a field of that name; names
 * match ignoring case and underscores, so {@code DateSent} finds {@code date_sent}. Bracketed parameters
 * ({@code created[gte]}, {@code expand[]}) never filter.
 */
public final class RowFilter {
    private RowFilter() {
    }

    /**
     * @param criteria parameter name to the wanted value(s); a row matches when its field equals any value
     */
    public static List<ObjectNode> apply(List<ObjectNode> rows, Map<String, List<String>> criteria) {
        if (criteria.isEmpty() || rows.isEmpty()) {
            return rows;
        }
        Map<String, String> fieldByNormalName = new LinkedHashMap<>();
        for (ObjectNode row : rows) {
            row.fieldNames().forEachRemaining(name -> fieldByNormalName.putIfAbsent(normalName(name), name));
        }
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        criteria.forEach((param, values) -> {
            if (param.contains("[") || values.isEmpty()) {
                return;
            }
            String field = fieldByNormalName.get(normalName(param));
            if (field != null) {
                wanted.computeIfAbsent(field, f -> new HashSet<>()).addAll(values);
            }
        });
        if (wanted.isEmpty()) {
            return rows;
        }
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode row : rows) {
            if (wanted.entrySet().stream().allMatch(w -> matches(row.get(w.getKey()), w.getValue()))) {
                kept.add(row);
            }
        }
        return kept;
    }

    private static boolean matches(JsonNode value, Set<String> wanted) {
        if (value == null || value.isContainerNode()) {
            return false;
        }
        return wanted.contains(value.isNull() ? "" : value.asText());
    }

    /** A name as filters compare names: without underscores, in lower case. */
    public static String normalName(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether every criterion that filters (not bracketed, with a value) names a field some of {@code rows} has:
     * then filtering these rows decides each criterion as filtering a larger list holding them would.
     */
    public static boolean namesFieldsOf(List<ObjectNode> rows, Map<String, List<String>> criteria) {
        Set<String> names = new HashSet<>();
        for (ObjectNode row : rows) {
            row.fieldNames().forEachRemaining(name -> names.add(normalName(name)));
        }
        for (Map.Entry<String, List<String>> criterion : criteria.entrySet()) {
            if (!criterion.getKey().contains("[") && !criterion.getValue().isEmpty()
                    && !names.contains(normalName(criterion.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
