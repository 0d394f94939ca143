package dev.twin.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Map;

/**
 * One client-visible step: what the client sent and what it got back.
 *
 * @param name    unique within a flow, e.g. {@code create-post-1}
 * @param method  the HTTP method sent, or {@code SDK} for a step an SDK drove ({@link FlowClient#record})
 * @param path    the path and query sent
 * @param status  the status the client got (for an SDK step: what the SDK reported)
 * @param headers the response headers the client reads ({@link FlowClient} keeps them), by canonical name
 * @param body    the response body as text; the server's own address in it reads {@code {base}}
 */
public record Step(String name, String method, String path, int status, Map<String, String> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Step {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The body as JSON, or a missing node when it is empty or not JSON (so {@code json().path("id")} is safe). */
    public JsonNode json() {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** True when the body parses as JSON. */
    public boolean isJson() {
        return !json().isMissingNode();
    }

    /** A kept response header, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return name + ": " + method + " " + path + " -> " + status + (headers.isEmpty() ? "" : " " + headers)
                + (body.isEmpty() ? "" : " " + body);
    }
}
