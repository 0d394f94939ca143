package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.schema.ShapeAggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a list operation's envelope: where the rows are, the constant fields, cursor or page paging. */
final class ListConvention {
    private static final Map<String, String> PAGE_FIELDS = pageFields();
    private static final Set<String> CURSOR_FIELDS = Set.of("has_more", "total_count");

    private ListConvention() {
    }

    /** The `list:` convention, or null when the list answers are not an object holding one array. */
    static Map<String, Object> detect(OperationStats list, Resource resource) {
        ResponseStats ok = list.responses().get(list.mainSuccessStatus());
        if (ok == null || !ok.hasJson() || !ok.body().isObject()) {
            resource.evidence.add("list: " + list.method() + " " + list.path().template()
                    + " does not answer a JSON object envelope; left unbound (answered from the spec)");
            return null;
        }
        ShapeAggregate envelope = ok.body();
        String dataField = null;
        long best = -1;
        for (Map.Entry<String, ShapeAggregate> p : envelope.properties().entrySet()) {
            if (p.getValue().isArray() && p.getValue().samples() > best) {
                dataField = p.getKey();
                best = p.getValue().samples();
            }
        }
        if (dataField == null) {
            resource.evidence.add("list: no array field in the list envelope; left unbound");
            return null;
        }
        boolean page = envelope.properties().containsKey("next_page_uri")
                || envelope.properties().containsKey("page_size");
        // no paging field and no echoed url seen: the API answers every row at once (WireMock)
        boolean unpaged = !page && !envelope.properties().containsKey("has_more")
                && list.echoesOfPath().isEmpty();
        String style = page ? "page" : unpaged ? "none" : "cursor";
        String totalField = totalField(ok, dataField);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("style", style);
        out.put("dataField", dataField);
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ShapeAggregate> p : envelope.properties().entrySet()) {
            String name = p.getKey();
            if (name.equals(dataField) || (page && PAGE_FIELDS.containsValue(name))
                    || (!page && CURSOR_FIELDS.contains(name))
                    || (totalField != null && name.equals(totalField.split("\\.")[0]))) {
                continue;
            }
            long echoes = list.echoesOfPath().getOrDefault(name, 0L);
            JsonNode constant = p.getValue().constant();
            if (echoes > 0 && echoes == list.successObjects()) {
                extra.put(name, "{{request.path}}");
            } else if (constant != null && envelope.alwaysPresent(name)) {
                extra.put(name, constant);
            }
        }
        if (!extra.isEmpty()) {
            out.put("extraFields", extra);
        }
        if (page) {
            Map<String, Object> fields = new LinkedHashMap<>();
            PAGE_FIELDS.forEach((internal, name) ->
                    fields.put(internal, envelope.properties().containsKey(name) ? name : null));
            out.put("pageFields", fields);
            ShapeAggregate query = list.query();
            if (query.properties().containsKey("page")) {
                out.put("pageParam", "page");
            }
            if (query.properties().containsKey("page_size")) {
                out.put("pageSizeParam", "page_size");
            }
        }
        out.put("hideMeta", totalField == null);
        if (totalField != null) {
            out.put("totalField", totalField);
        }
        resource.evidence.add("list: " + style + " style, rows under '" + dataField + "' ("
                + ok.count() + " list answer" + (ok.count() == 1 ? "" : "s") + "; envelope fields "
                + envelope.properties().keySet() + (totalField == null ? "" : "; '" + totalField
                + "' always equalled the number of rows") + ")");
        return out;
    }

    /**
     * The number that equalled the row count in every list answer ({@code total_count}, {@code meta.total}); a
     * name with total or count wins over others; page style's own fields (page 0 with no rows) do not count.
     */
    private static String totalField(ResponseStats ok, String dataField) {
        String chosen = null;
        for (String path : ok.countPathsOf(dataField)) {
            if (PAGE_FIELDS.containsValue(path)) {
                continue;
            }
            boolean named = path.contains("total") || path.contains("count");
            if (chosen == null || (named && !(chosen.contains("total") || chosen.contains("count")))) {
                chosen = path;
            }
        }
        return chosen;
    }

    static ShapeAggregate rows(OperationStats list, String dataField) {
        ResponseStats ok = list.responses().get(list.mainSuccessStatus());
        if (ok == null) {
            return null;
        }
        ShapeAggregate data = ok.body().properties().get(dataField);
        return data == null ? null : data.items();
    }

    private static Map<String, String> pageFields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] pair : List.of(new String[] {"page", "page"}, new String[] {"pageSize", "page_size"},
                new String[] {"firstPageUri", "first_page_uri"}, new String[] {"previousPageUri", "previous_page_uri"},
                new String[] {"nextPageUri", "next_page_uri"}, new String[] {"uri", "uri"},
                new String[] {"start", "start"}, new String[] {"end", "end"})) {
            m.put(pair[0], pair[1]);
        }
        return m;
    }
}
