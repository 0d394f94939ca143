package dev.twin.replayer.internal.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.config.Durations;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /__twin/clock}: the twin's time, its mode and how many rows wait for a transition.
 * {@code POST /__twin/clock} with {@code {"advance": "30s"}} (or {@code {"to": "2024-05-01T12:00:30Z"}}): moves time
 * ahead, applying every transition due on the way, each at its own instant, and answers when they are applied
 * (their callbacks are sent afterwards, on the callback threads).
 */
public final class ClockAdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LifecycleEngine engine;

    public ClockAdminEndpoints(LifecycleEngine engine) {
        this.engine = engine;
    }

    public void register(AdminRoutes routes) {
        routes.add("GET", "/__twin/clock", (request, params) -> TwinResponse.json(200, state(null).toString()));
        routes.add("POST", "/__twin/clock", (request, params) -> advance(request));
    }

    private ObjectNode state(Integer applied) {
        ObjectNode body = JSON.createObjectNode();
        body.put("now", engine.clock().instant().toString());
        body.put("mode", engine.clock().mode().name().toLowerCase(Locale.ROOT));
        if (applied != null) {
            body.put("applied", applied);
        }
        body.put("pending", engine.pending());
        return body;
    }

    private TwinResponse advance(TwinRequest request) {
        JsonNode body;
        try {
            body = request.body().length == 0 ? null : JSON.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject() || body.has("advance") == body.has("to")) {
            return refuse("the body must be a JSON object with either \"advance\" (a duration: 500ms, 30s, 5m, 2h, "
                    + "1d) or \"to\" (an ISO-8601 instant such as 2024-05-01T12:00:30Z)", null);
        }
        Optional<Duration> duration = body.has("advance") ? advanceBy(body.get("advance")) : until(body.get("to"));
        if (duration.isEmpty()) {
            return body.has("advance")
                    ? refuse("\"advance\" must be a duration such as 500ms, 30s, 5m, 2h or 1d (or 0s), got "
                    + body.get("advance"), "advance")
                    : refuse("\"to\" must be an ISO-8601 instant not before the twin's time ("
                    + engine.clock().instant() + "), got " + body.get("to"), "to");
        }
        int applied = engine.advance(duration.get());
        return TwinResponse.json(200, state(applied).toString());
    }

    private static Optional<Duration> advanceBy(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue().strip();
        return text.matches("0+\\s*(ms|s|m|h|d)?") ? Optional.of(Duration.ZERO) : Durations.parse(text);
    }

    private Optional<Duration> until(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            long target = Instant.parse(value.textValue().strip()).toEpochMilli();
            long now = engine.clock().millis();
            return target < now ? Optional.empty() : Optional.of(Duration.ofMillis(target - now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static TwinResponse refuse(String message, String param) {
        return ErrorResponses.error(400, "invalid_request_error", message, param);
    }
}
