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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("style", page ? "page" : "cursor");
        out.put("dataField", dataField);
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ShapeAggregate> p : envelope.properties().entrySet()) {
            String name = p.getKey();
            if (name.equals(dataField) || (page && PAGE_FIELDS.containsValue(name))
                    || (!page && CURSOR_FIELDS.contains(name))) {
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
        } else {
            out.put("hideMeta", !envelope.properties().containsKey("total_count"));
        }
        resource.evidence.add("list: " + (page ? "page" : "cursor") + " style, rows under '" + dataField + "' ("
                + ok.count() + " list answer" + (ok.count() == 1 ? "" : "s") + "; envelope fields "
                + envelope.properties().keySet() + ")");
        return out;
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
