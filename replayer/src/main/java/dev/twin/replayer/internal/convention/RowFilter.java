package dev.twin.replayer.internal.convention;

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
 * match ignoring case and underscores, so {@code DateSent} finds {@code date_sent}. A name ending in {@code >} or
 * {@code <} is a range ({@code DateSent>=2024-05-01}: on or after), and a date compares with a time field by day
 * ({@link RangeFilter}). Bracketed parameters ({@code created[gte]}, {@code expand[]}) never filter.
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
        List<Range> ranges = new ArrayList<>();
        criteria.forEach((param, values) -> {
            if (param.contains("[") || values.isEmpty()) {
                return;
            }
            RangeFilter.Bound bound = RangeFilter.boundOf(param);
            if (bound != null) {
                String field = fieldByNormalName.get(normalName(RangeFilter.fieldOf(param)));
                if (field != null) {
                    values.forEach(value -> ranges.add(new Range(field, bound, value)));
                }
                return;
            }
            String field = fieldByNormalName.get(normalName(param));
            if (field != null) {
                wanted.computeIfAbsent(field, f -> new HashSet<>()).addAll(values);
            }
        });
        if (wanted.isEmpty() && ranges.isEmpty()) {
            return rows;
        }
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode row : rows) {
            if (wanted.entrySet().stream().allMatch(w -> matches(row.get(w.getKey()), w.getValue()))
                    && ranges.stream().allMatch(r -> RangeFilter.within(row.get(r.field()), r.bound(), r.value()))) {
                kept.add(row);
            }
        }
        return kept;
    }

    private record Range(String field, RangeFilter.Bound bound, String value) {
    }

    private static boolean matches(JsonNode value, Set<String> wanted) {
        if (value == null || value.isContainerNode()) {
            return false;
        }
        if (wanted.contains(value.isNull() ? "" : value.asText())) {
            return true;
        }
        for (String one : wanted) {
            if (RangeFilter.sameTime(value, one)) {
                return true;
            }
        }
        return false;
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
            String name = criterion.getKey();
            if (RangeFilter.boundOf(name) != null) {
                name = RangeFilter.fieldOf(name);
            }
            if (!criterion.getKey().contains("[") && !criterion.getValue().isEmpty()
                    && !names.contains(normalName(name))) {
                return false;
            }
        }
        return true;
    }
}
