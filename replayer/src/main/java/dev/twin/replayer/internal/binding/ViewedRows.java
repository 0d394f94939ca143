package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ListView;
import dev.twin.replayer.internal.convention.ListItems;
import dev.twin.replayer.internal.convention.RangeBound;
import dev.twin.replayer.internal.http.TwinRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of a list view ({@code extend[].view}): those whose id lies in the requested range, each shown in the
 * view's shape ({@code {id, key, value: {rev}}} for CouchDB's {@code _all_docs}), with the whole row added when the
 * include parameter asks for it. Paths are split once, here; a request only copies values.
 */
final class ViewedRows {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String[]> itemPaths = new ArrayList<>();
    private final List<String[]> rowPaths = new ArrayList<>();
    private final String includeParam;
    private final String includeField;
    private final String startParam;
    private final String endParam;
    private final boolean totalCountsAll;
    private final String idName;
    private final Set<String> parameters;

    /** @param idName the rows' id field as they are shown */
    ViewedRows(ListView view, String idName) {
        view.fields().forEach((item, row) -> {
            itemPaths.add(item.split("\\."));
            rowPaths.add(row.split("\\."));
        });
        this.includeParam = view.includeParam();
        this.includeField = view.includeField();
        this.startParam = view.startParam();
        this.endParam = view.endParam();
        this.totalCountsAll = view.totalCountsAll();
        this.idName = idName;
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {includeParam, startParam, endParam}) {
            if (name != null) {
                names.add(name);
            }
        }
        this.parameters = Set.copyOf(names);
    }

    /** The query parameters the view reads (not filters on row fields). */
    Set<String> parameters() {
        return parameters;
    }

    /** The rows in range, in the view's shape; the order is kept. */
    ListItems apply(ListItems rows, TwinRequest request) {
        String start = RangeBound.of(param(request, startParam));
        String end = RangeBound.of(param(request, endParam));
        ListItems inRange = start == null && end == null ? rows : inRange(rows, start, end);
        boolean include = includeParam != null && "true".equalsIgnoreCase(param(request, includeParam));
        int total = totalCountsAll ? rows.total() : inRange.total();
        return new ListItems() {
            @Override
            public int size() {
                return inRange.size();
            }

            @Override
            public int total() {
                return total;
            }

            @Override
            public ObjectNode get(int index) {
                return shown(inRange.get(index), include);
            }

            @Override
            public int indexOf(String id) {
                return inRange.indexOf(id);
            }
        };
    }

    private static String param(TwinRequest request, String name) {
        return name == null ? null : request.queryParam(name);
    }

    private ListItems inRange(ListItems rows, String start, String end) {
        List<ObjectNode> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode row = rows.get(i);
            String id = row.path(idName).asText();
            if ((start == null || id.compareTo(start) >= 0) && (end == null || id.compareTo(end) <= 0)) {
                kept.add(row);
            }
        }
        return ListItems.of(kept, idName);
    }

    private ObjectNode shown(ObjectNode row, boolean include) {
        if (itemPaths.isEmpty() && !include) {
            return row;
        }
        ObjectNode item = NODES.objectNode();
        for (int i = 0; i < itemPaths.size(); i++) {
            JsonNode value = at(row, rowPaths.get(i));
            if (value != null) {
                put(item, itemPaths.get(i), value);
            }
        }
        if (include) {
            item.set(includeField, row);
        }
        return item;
    }

    private static JsonNode at(JsonNode node, String[] path) {
        JsonNode at = node;
        for (String name : path) {
            at = at == null ? null : at.get(name);
        }
        return at;
    }

    private static void put(ObjectNode item, String[] path, JsonNode value) {
        ObjectNode at = item;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = at.get(path[i]);
            at = next instanceof ObjectNode object ? object : at.putObject(path[i]);
        }
        at.set(path[path.length - 1], value);
    }
}
