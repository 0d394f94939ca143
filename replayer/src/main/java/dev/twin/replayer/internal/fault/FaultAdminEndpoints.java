package dev.twin.replayer.internal.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.config.FaultType;
import dev.twin.replayer.config.LatencySpec;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;
import dev.twin.replayer.internal.state.TenantResolver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /__twin/faults} lists the rules in force; {@code POST /__twin/faults} adds one
 * ({@code {"name", "operation", "tenant", "fault", "latency", "probability", "seed"}}, all optional but a fault or a
 * latency); {@code DELETE /__twin/faults} removes every rule, {@code ?name=} one;
 * {@code POST /__twin/faults/{name}/off} and {@code .../on} switch a rule off (kept and listed, not applied) and on.
 */
public final class FaultAdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Globs per rule: each is matched against every operation when the rule is added. */
    static final int MAX_GLOBS = 100;
    private static final List<String> FIELDS = List.of("name", "operation", "tenant", "fault", "latency",
            "probability", "seed");

    private final FaultBoard board;
    private final Supplier<TenantResolver> tenants;

    public FaultAdminEndpoints(FaultBoard board, Supplier<TenantResolver> tenants) {
        this.board = board;
        this.tenants = tenants;
    }

    public void register(AdminRoutes routes) {
        routes.add("GET", "/__twin/faults", (request, params) -> list());
        routes.add("POST", "/__twin/faults", (request, params) -> add(request));
        routes.add("DELETE", "/__twin/faults", (request, params) -> clear(request.queryParam("name")));
        routes.add("POST", "/__twin/faults/{name}/off", (request, params) -> switchRule(params.get("name"), false));
        routes.add("POST", "/__twin/faults/{name}/on", (request, params) -> switchRule(params.get("name"), true));
    }

    private TwinResponse list() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode rules = body.putArray("faults");
        board.rules().forEach(rule -> rules.add(rule.toJson().put("on", board.isOn(rule.name()))));
        return json(200, body);
    }

    private TwinResponse switchRule(String name, boolean on) {
        if (!board.switchRule(name, on)) {
            return ErrorResponses.error(404, "not_found", "no fault rule named '" + name + "'", "name");
        }
        return json(200, JSON.createObjectNode().put("name", name).put("on", on));
    }

    private TwinResponse add(TwinRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return invalid("the body must be a JSON object: " + e.getMessage(), null);
        }
        if (body == null || !body.isObject()) {
            return invalid("the body must be a JSON object", null);
        }
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return invalid("unknown field '" + name + "'; fields: " + String.join(", ", FIELDS), name);
            }
        }
        try {
            List<String> operations = operations(body.get("operation"));
            String tenant = text(body, "tenant");
            FaultType fault = fault(text(body, "fault"));
            LatencySpec latency = body.hasNonNull("latency") ? LatencyJson.read(body.get("latency")) : null;
            double probability = body.hasNonNull("probability") ? number(body, "probability") : 1.0;
            Long seed = body.hasNonNull("seed") ? body.get("seed").asLong() : null;
            ActiveFault rule = board.add(text(body, "name"), operations,
                    tenant == null ? null : tenants.get().tenantFromOperator(tenant), fault, latency, probability,
                    seed);
            return json(201, rule.toJson());
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage(), null);
        }
    }

    private TwinResponse clear(String name) {
        int removed = board.clear(name == null || name.isBlank() ? null : name);
        if (name != null && !name.isBlank() && removed == 0) {
            return ErrorResponses.error(404, "not_found", "no fault rule named '" + name + "'", "name");
        }
        return json(200, JSON.createObjectNode().put("removed", removed));
    }

    private static List<String> operations(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of("*");
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (value.isArray() && value.size() > MAX_GLOBS) {
            throw new IllegalArgumentException("operation can list at most " + MAX_GLOBS + " globs; this one has "
                    + value.size());
        }
        if (value.isArray() && !value.isEmpty()) {
            List<String> globs = new ArrayList<>();
            value.forEach(item -> globs.add(item.asText()));
            return globs;
        }
        throw new IllegalArgumentException("operation must be a glob or a list of globs");
    }

    static FaultType fault(String name) {
        if (name == null) {
            return null;
        }
        try {
            return FaultType.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault '" + name + "', expected " + names());
        }
    }

    /** The faults as written: {@code no-response | reset | ...}. */
    public static String names() {
        return Arrays.stream(FaultType.values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(" | "));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + value);
        }
        return value.doubleValue();
    }

    private static TwinResponse invalid(String message, String param) {
        return ErrorResponses.error(400, "invalid_request_error", message, param);
    }

    private static TwinResponse json(int status, JsonNode body) {
        return TwinResponse.json(status, body.toString());
    }
}
