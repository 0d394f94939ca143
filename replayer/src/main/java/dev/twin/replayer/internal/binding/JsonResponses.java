package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.convention.SerializedJson;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.Map;

/** JSON bodies for actions' answers. */
final class JsonResponses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private JsonResponses() {
    }

    /** An answer without a body. */
    static TwinResponse noBody(int status) {
        return new TwinResponse(status, Map.of(), new byte[0]);
    }

    /** The JSON as it was serialised (shared: nobody changes an answer's bytes). */
    static TwinResponse of(int status, SerializedJson body) {
        return new TwinResponse(status, HEADERS, body.bytes());
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
