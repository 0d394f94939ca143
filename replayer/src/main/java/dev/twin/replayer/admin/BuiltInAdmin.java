package dev.twin.replayer.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.spec.ApiOperation;
import dev.twin.replayer.state.StateHealth;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /__twin/health}, {@code /__twin/routes} and {@code /__twin/requests}. With shared state the health names
 * the state store and whether it answers: 503 {@code "status": "unavailable"} while it does not, so that a load
 * balancer's readiness check takes the replica out until it does.
 */
public final class BuiltInAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuiltInAdmin() {
    }

    public static void register(AdminRoutes routes, Supplier<List<ApiOperation>> operations, RequestJournal journal) {
        register(routes, operations, journal, null);
    }

    /** @param state the state store's health, or null when the state lives in this process */
    public static void register(AdminRoutes routes, Supplier<List<ApiOperation>> operations, RequestJournal journal,
                                Supplier<StateHealth> state) {
        routes.add("GET", "/__twin/health", (request, params) -> health(operations.get().size(), state));
        routes.add("GET", "/__twin/routes", (request, params) -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("routes");
            for (ApiOperation operation : operations.get()) {
                list.addObject().put("method", operation.method()).put("path", operation.pathTemplate())
                        .put("operation", operation.id());
            }
            return json(body);
        });
        routes.add("GET", "/__twin/requests", (request, params) -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("requests");
            for (JournalEntry entry : journal.recent()) {
                ObjectNode item = list.addObject().put("at", entry.at().toString()).put("method", entry.method())
                        .put("path", entry.path()).put("tenant", entry.tenant()).put("status", entry.status())
                        .put("operation", entry.operation()).put("source", entry.source().name().toLowerCase());
                if (entry.note() != null) {
                    item.put("note", entry.note());
                }
            }
            return json(body);
        });
        routes.add("DELETE", "/__twin/requests", (request, params) -> {
            journal.clear();
            return new TwinResponse(204, java.util.Map.of(), new byte[0]);
        });
    }

    private static TwinResponse health(int operations, Supplier<StateHealth> state) {
        ObjectNode body = JSON.createObjectNode().put("status", "ok").put("operations", operations);
        if (state == null) {
            return json(body);
        }
        StateHealth health = state.get();
        ObjectNode part = body.putObject("state").put("kind", health.kind()).put("store", health.store())
                .put("connected", health.up());
        if (health.up()) {
            part.put("latencyMillis", Math.round(health.latencyMillis() * 100) / 100.0);
            return json(body);
        }
        part.put("error", health.error());
        body.put("status", "unavailable");
        try {
            return new TwinResponse(503, java.util.Map.of("Content-Type", "application/json"),
                    JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TwinResponse json(ObjectNode body) {
        try {
            return new TwinResponse(200, java.util.Map.of("Content-Type", "application/json"),
                    JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
