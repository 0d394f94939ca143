package dev.twin.replayer.internal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /__twin/health}, {@code /__twin/routes}, and the journal: {@code /__twin/requests} (newest first),
 * {@code /__twin/requests/{seq}} (one entry with its detail), {@code /__twin/requests/stream} (server-sent
 * events). With shared state the health names the state store and whether it answers: 503 {@code "status":
 * "unavailable"} while it does not, so that a load balancer's readiness check takes the replica out until it does.
 */
public final class BuiltInAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuiltInAdmin() {
    }

    /**
     * @param bindings the {@code extend} binding of an operation id in the configuration served, or null
     * @param state    the state store's health, or null when the state lives in this process
     */
    public static void register(AdminRoutes routes, Supplier<List<ApiOperation>> operations, RequestJournal journal,
                                Function<String, BoundTable> bindings, Supplier<StoreHealth> state) {
        JournalJson entries = new JournalJson(bindings);
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
            body.put("detail", journal.capturesDetail());
            ArrayNode list = body.putArray("requests");
            for (RequestJournal.Numbered numbered : journal.recentNumbered()) {
                list.add(entries.summary(numbered.sequence(), numbered.entry()));
            }
            return json(body);
        });
        routes.add("GET", "/__twin/requests/stream", (request, params) -> {
            Long after = sequence(request.queryParam("after"));
            if (request.queryParam("after") != null && after == null) {
                return ErrorResponses.error(400, "invalid_request_error", "after must be a request's seq (a whole"
                        + " number), not '" + request.queryParam("after") + "'", "after");
            }
            return ServerSentEvents.response(new JournalStream(journal, entries, after == null ? -1 : after));
        });
        routes.add("GET", "/__twin/requests/{seq}", (request, params) -> {
            Long sequence = sequence(params.get("seq"));
            JournalEntry entry = sequence == null ? null : journal.entry(sequence);
            if (entry == null) {
                return ErrorResponses.error(404, "not_found", "No request numbered '" + params.get("seq")
                        + "' in the journal (it keeps the latest " + "entries only)", "seq");
            }
            return json(entries.full(sequence, entry));
        });
        routes.add("DELETE", "/__twin/requests", (request, params) -> {
            journal.clear();
            return new TwinResponse(204, java.util.Map.of(), new byte[0]);
        });
    }

    private static Long sequence(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static TwinResponse health(int operations, Supplier<StoreHealth> state) {
        ObjectNode body = JSON.createObjectNode().put("status", "ok").put("operations", operations);
        if (state == null) {
            return json(body);
        }
        StoreHealth health = state.get();
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
