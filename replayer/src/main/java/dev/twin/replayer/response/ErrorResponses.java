package dev.twin.replayer.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.validation.Violation;

import java.util.Collection;
import java.util.List;

/**
 * The JSON error bodies the twin itself writes, all shaped {@code {"error": {"type", "message", "param"?}}} so
 * that SDKs expecting a Stripe-like envelope still read them.
 */
public final class ErrorResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    public static TwinResponse notFound(String method, String path) {
        return error(404, "not_found", "No operation matches " + method + " " + path + ".", null);
    }

    public static TwinResponse methodNotAllowed(String method, String path, Collection<String> allowed) {
        return error(405, "method_not_allowed", method + " is not allowed on " + path + "; allowed: "
                + String.join(", ", allowed) + ".", null).withHeader("Allow", String.join(", ", allowed));
    }

    public static TwinResponse notAcceptable(String accept, List<String> available) {
        return error(406, "not_acceptable", "Nothing documented matches Accept: " + accept + "; available: "
                + String.join(", ", available) + ".", null);
    }

    public static TwinResponse unauthorized(String reason) {
        return error(401, "authentication_error", reason, null);
    }

    public static TwinResponse invalid(int status, List<Violation> violations) {
        Violation first = violations.get(0);
        ObjectNode body = envelope("invalid_request_error", first.reason(), first.param());
        ObjectNode error = (ObjectNode) body.get("error");
        error.put("location", first.location());
        ArrayNode all = error.putArray("violations");
        for (Violation v : violations) {
            all.addObject().put("param", v.param()).put("location", v.location()).put("reason", v.reason());
        }
        return json(status, body);
    }

    public static TwinResponse error(int status, String type, String message, String param) {
        return json(status, envelope(type, message, param));
    }

    private static ObjectNode envelope(String type, String message, String param) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return body;
    }

    private static TwinResponse json(int status, ObjectNode body) {
        try {
            return new TwinResponse(status, java.util.Map.of("Content-Type", "application/json"),
                    JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
