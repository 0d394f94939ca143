package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.Collection;

/**
 * The JSON error bodies the twin itself writes for requests no operation takes (404, 405) and its own failures,
 * all shaped {@code {"error": {"type", "message", "param"?}}} so that SDKs expecting a Stripe-like envelope still
 * read them. Requests an operation refuses are answered by {@link SpecResponder#reject}.
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
