package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Rows one at a time, for the inspector page and for scripts: {@code GET /__twin/state/tables?tenant=} (the
 * tables with the tenant's row counts), {@code GET /__twin/state/rows?tenant=&table=&q=&offset=&limit=} (a page
 * of rows, {@code q} a case-insensitive text every matching row's JSON contains),
 * {@code POST /__twin/state/rows?tenant=&table=} (insert), {@code PUT /__twin/state/rows/{id}?tenant=&table=}
 * (replace the row's data) and {@code DELETE /__twin/state/rows/{id}?tenant=&table=}. A write here is a write of
 * the tenant like any other: it is kept, snapshotted and reset like the API's, and emits the events
 * {@code events.emit} names. Reads walk the tenant's table: they are for people, not for load.
 */
public final class RowAdminEndpoints {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final StateStore store;
    private final TenantResolver tenants;
    private final Map<String, String> idFields;

    /** @param idFields each configured table's id field, by table name */
    public RowAdminEndpoints(StateStore store, TenantResolver tenants, Map<String, String> idFields) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.idFields = Map.copyOf(idFields);
    }

    public void register(AdminRoutes routes) {
        routes.add("GET", "/__twin/state/tables", (request, params) -> tables(request));
        routes.add("GET", "/__twin/state/rows", (request, params) -> rows(request));
        routes.add("POST", "/__twin/state/rows", (request, params) -> write(request, null));
        routes.add("PUT", "/__twin/state/rows/{id}", (request, params) -> write(request, params.get("id")));
        routes.add("DELETE", "/__twin/state/rows/{id}", (request, params) -> delete(request, params.get("id")));
    }

    private TwinResponse tables(TwinRequest request) {
        String tenant = tenant(request);
        ObjectNode dump = store.dump(tenant);
        ObjectNode body = StateCodec.JSON.createObjectNode().put("tenant", tenant);
        ArrayNode list = body.putArray("tables");
        for (String table : store.tableNames()) {
            list.addObject().put("name", table).put("idField", idFields.getOrDefault(table, "id"))
                    .put("rows", dump.path(table).size());
        }
        return json(200, body);
    }

    private TwinResponse rows(TwinRequest request) {
        String tenant = tenant(request);
        String table = request.queryParam("table");
        TwinResponse unknown = unknownTable(table);
        if (unknown != null) {
            return unknown;
        }
        int offset;
        int limit;
        try {
            offset = number(request, "offset", 0);
            limit = Math.min(number(request, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            return ErrorResponses.error(400, "invalid_request_error", e.getMessage(), null);
        }
        String query = request.queryParam("q") == null ? "" : request.queryParam("q").trim().toLowerCase(Locale.ROOT);
        List<JsonNode> matched = new ArrayList<>();
        int total = 0;
        for (JsonNode row : store.dump(tenant).path(table)) {
            total++;
            if (query.isEmpty() || row.toString().toLowerCase(Locale.ROOT).contains(query)) {
                matched.add(row);
            }
        }
        ObjectNode body = StateCodec.JSON.createObjectNode().put("tenant", tenant).put("table", table)
                .put("idField", idFields.getOrDefault(table, "id")).put("total", total)
                .put("matched", matched.size()).put("offset", offset).put("limit", limit);
        ArrayNode rows = body.putArray("rows");
        matched.stream().skip(offset).limit(limit).forEach(rows::add);
        return json(200, body);
    }

    /** Inserts ({@code id} null) or replaces the row with the request's JSON object. */
    private TwinResponse write(TwinRequest request, String id) {
        String tenant = tenant(request);
        String table = request.queryParam("table");
        TwinResponse unknown = unknownTable(table);
        if (unknown != null) {
            return unknown;
        }
        JsonNode data;
        try {
            data = request.body().length == 0 ? null : StateCodec.JSON.readTree(request.body());
        } catch (IOException e) {
            data = null;
        }
        if (!(data instanceof ObjectNode object)) {
            return ErrorResponses.error(400, "invalid_request_error", "The body must be the row as a JSON object.",
                    "body");
        }
        try {
            Row row = store.inTransaction(tenant, tables -> id == null ? tables.insert(table, object.deepCopy())
                    : tables.replace(table, id, object.deepCopy()));
            return json(id == null ? 201 : 200, row.data());
        } catch (StateException e) {
            return ErrorResponses.error(e.error().kind().defaultStatus(), "invalid_request_error", e.getMessage(),
                    null);
        }
    }

    private TwinResponse delete(TwinRequest request, String id) {
        String tenant = tenant(request);
        String table = request.queryParam("table");
        TwinResponse unknown = unknownTable(table);
        if (unknown != null) {
            return unknown;
        }
        boolean deleted = store.inTransaction(tenant, tables -> tables.delete(table, id));
        if (!deleted) {
            return ErrorResponses.error(404, "not_found", "No such row in " + table + ": '" + id + "'", "id");
        }
        return json(200, StateCodec.JSON.createObjectNode().put("id", id).put("deleted", true));
    }

    /** The tenant key of {@code ?tenant=}; the anonymous tenant when none is given. */
    private String tenant(TwinRequest request) {
        String tenant = StateScope.of(request, tenants).tenant();
        return tenant == null ? TenantResolver.ANONYMOUS : tenant;
    }

    private TwinResponse unknownTable(String table) {
        if (table == null || table.isBlank()) {
            return ErrorResponses.error(400, "invalid_request_error", "Give the table as ?table=; tables: "
                    + String.join(", ", store.tableNames()) + ".", "table");
        }
        if (!store.tableNames().contains(table)) {
            return ErrorResponses.error(404, "not_found", "No table named '" + table + "'; tables: "
                    + String.join(", ", store.tableNames()) + ".", "table");
        }
        return null;
    }

    private static int number(TwinRequest request, String name, int fallback) {
        String text = request.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(name + " must be a whole number from 0, not '" + text + "'");
    }

    private static TwinResponse json(int status, JsonNode body) {
        return TwinResponse.json(status, body.toString());
    }
}
