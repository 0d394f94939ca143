package dev.twin.replayer.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.http.TwinResponse;

import java.util.Map;

/** JSON bodies for actions' answers. */
final class JsonResponses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private JsonResponses() {
    }

    static TwinResponse of(int status, JsonNode body) {
        if (body == null) {
            return new TwinResponse(status, Map.of(), new byte[0]);
        }
        try {
            return new TwinResponse(status, HEADERS, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
