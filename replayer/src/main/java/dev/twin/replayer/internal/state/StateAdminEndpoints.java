package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The state's admin endpoints: {@code POST /__twin/reset} (all; {@code ?tenant=}; {@code ?table=}),
 * {@code POST /__twin/snapshots/{name}}, {@code POST /__twin/snapshots/{name}/restore},
 * {@code GET /__twin/snapshots} and {@code GET /__twin/state?tenant=}. A tenant may be given as the raw credential
 * (the API key the client uses) or as its tenant key ({@code t_...}).
 */
public final class StateAdminEndpoints {
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final StateStore store;
    private final IdempotencyCache idempotency;
    private final TenantResolver tenants;

    public StateAdminEndpoints(StateStore store, IdempotencyCache idempotency, TenantResolver tenants) {
        this.store = Objects.requireNonNull(store, "store");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    public void register(AdminRoutes routes) {
        routes.add("POST", "/__twin/reset", (request, params) -> reset(request));
        routes.add("POST", "/__twin/snapshots/{name}", (request, params) -> saveSnapshot(params.get("name")));
        routes.add("POST", "/__twin/snapshots/{name}/restore",
                (request, params) -> restoreSnapshot(params.get("name")));
        routes.add("GET", "/__twin/snapshots", (request, params) -> snapshots());
        routes.add("GET", "/__twin/state", (request, params) -> state(request));
    }

    /** Drops writes: everything, one tenant's, one table's (for all tenants or one). Idempotency keys too. */
    public TwinResponse reset(TwinRequest request) {
        StateScope scope = StateScope.of(request, tenants);
        String tenant = scope.tenant();
        String table = scope.table();
        try {
            if (table != null) {
                store.resetTable(tenant, table);
            } else if (tenant != null) {
                store.resetTenant(tenant);
            } else {
                store.reset();
            }
        } catch (StateException e) {
            if (e.error().kind() != ErrorKind.NOT_FOUND) {
                throw e; // the shared store is away: the admin API answers 503
            }
            return ErrorResponses.error(404, "not_found", e.getMessage(), "table");
        }
        if (table == null) {
            if (tenant == null) {
                idempotency.clear();
            } else {
                idempotency.clearTenant(tenant);
            }
        }
        ObjectNode body = StateCodec.JSON.createObjectNode().put("reset", true);
        body.put("tenant", tenant == null ? "all" : tenant);
        body.put("table", table == null ? "all" : table);
        return json(200, body);
    }

    public TwinResponse saveSnapshot(String name) {
        if (!SNAPSHOT_NAME.matcher(name).matches()) {
            return ErrorResponses.error(400, "invalid_request_error", "A snapshot name is 1 to 100 letters, digits, "
                    + "'.', '_' or '-', not '" + name + "'.", "name");
        }
        store.saveSnapshot(name);
        return json(201, StateCodec.JSON.createObjectNode().put("snapshot", name).put("saved", true));
    }

    public TwinResponse restoreSnapshot(String name) {
        try {
            store.restoreSnapshot(name);
        } catch (StateException e) {
            if (e.error().kind() != ErrorKind.NOT_FOUND) {
                throw e;
            }
            return ErrorResponses.error(404, "not_found", e.getMessage() + "; saved: "
                    + String.join(", ", store.snapshots()) + ".", "name");
        }
        idempotency.clear(); // remembered responses may name rows the restore removed
        return json(200, StateCodec.JSON.createObjectNode().put("snapshot", name).put("restored", true));
    }

    public TwinResponse snapshots() {
        ObjectNode body = StateCodec.JSON.createObjectNode();
        ArrayNode names = body.putArray("snapshots");
        store.snapshots().forEach(names::add);
        return json(200, body);
    }

    /** One tenant's tables as it sees them; without {@code ?tenant=}, the tenants that wrote something. */
    public TwinResponse state(TwinRequest request) {
        String tenant = StateScope.of(request, tenants).tenant();
        ObjectNode body = StateCodec.JSON.createObjectNode();
        if (tenant == null) {
            ArrayNode list = body.putArray("tenants");
            store.tenants().forEach(list::add);
            return json(200, body);
        }
        body.put("tenant", tenant);
        body.set("tables", store.dump(tenant));
        return json(200, body);
    }


    private static TwinResponse json(int status, ObjectNode body) {
        try {
            return new TwinResponse(status, Map.of("Content-Type", "application/json"),
                    StateCodec.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
