package dev.twin.replayer.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.config.ScenarioError;
import dev.twin.replayer.internal.convention.ErrorBodies;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a scenario's error in the provider's shape: the operation's {@code errors} convention first (envelope,
 * field names, status and code per kind), then the scenario's own {@code type}, extra fields and the affected row.
 */
final class ScenarioErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ErrorRules, ErrorBodies> bodies = new ConcurrentHashMap<>();

    TwinResponse render(TwinRequest request, ErrorRules rules, ScenarioError error, String message, JsonNode extra,
                        JsonNode row) {
        return render(request, rules, error.kind(), message, error.param(), error.code(),
                error.status(), error.type(), extra, error.rowField() == null ? null : Map.of(error.rowField(),
                        row == null ? JSON.nullNode() : row));
    }

    TwinResponse render(TwinRequest request, ErrorRules rules, ErrorKind kind, String message, String param,
                        JsonNode code, Integer status,
                        String type, JsonNode extra, Map<String, JsonNode> more) {
        ErrorBodies errors = bodies.computeIfAbsent(rules, TableConventions::errors);
        TwinResponse base = errors.response(new TwinError(kind, message, param), code, status, request);
        if (type == null && extra == null && (more == null || more.isEmpty())) {
            return base;
        }
        try {
            JsonNode body = JSON.readTree(base.body());
            String wrap = rules.wrap();
            JsonNode inner = wrap == null || wrap.isEmpty() ? body : body.get(wrap);
            if (inner instanceof ObjectNode fields) {
                if (type != null) {
                    String typeField = rules.fields().get("type");
                    fields.put(typeField != null ? typeField : "type", type);
                }
                if (extra instanceof ObjectNode extraFields) {
                    fields.setAll(extraFields);
                }
                if (more != null) {
                    more.forEach(fields::set);
                }
            }
            return new TwinResponse(base.status(), base.headers(), JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException("an error body the twin wrote is JSON", e);
        }
    }
}
