package dev.twin.inference.resource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A list that shows a table's rows in a shape of its own, as twin.yaml's {@code extend[].view} writes it.
 *
 * @param list         the list's own conventions ({@code rows}, {@code total_rows}, ...)
 * @param fields       item path → the row field it copies ({@code value.rev → _rev}), in the items' order
 * @param includeParam the query parameter that adds the whole row, or null
 * @param includeField the item field holding it then
 * @param startParam   the parameter naming the first id listed, or null
 * @param endParam     the parameter naming the last id listed, or null
 * @param totalCountsAll answers within a range gave the total of the whole list
 */
public record ListView(ListRule list, Map<String, String> fields, String includeParam,
                       String includeField, String startParam, String endParam, boolean totalCountsAll) {

    /** The {@code view:} mapping of the binding. */
    public Map<String, Object> toYaml() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("list", list.toYaml());
        view.put("fields", fields);
        if (includeParam != null) {
            view.put("include", Map.of("param", includeParam, "field", includeField));
        }
        if (startParam != null || endParam != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (startParam != null) {
                range.put("start", startParam);
            }
            if (endParam != null) {
                range.put("end", endParam);
            }
            if (totalCountsAll) {
                range.put("totalCountsAll", true);
            }
            view.put("range", range);
        }
        return view;
    }
}
