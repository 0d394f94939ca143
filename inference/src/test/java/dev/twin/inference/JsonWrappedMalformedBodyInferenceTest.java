package dev.twin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up bookmarks API on a Node framework that wraps a body parser's error in its own JSON error
 * ({@code {"error": "BadRequest", "message": "<JSON.parse's message>"}}): the message is V8's wording of the bytes
 * sent, written escaped inside a JSON string. The twin answers another malformed body in the same JSON, with V8's
 * message for the bytes it received.
 */
class JsonWrappedMalformedBodyInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:8080");
        t.json("POST", "/bookmarks", "{\"url\":\"https://example.com\"}", 201,
                "{\"id\":1,\"url\":\"https://example.com\"}");
        t.json("POST", "/bookmarks", "{\"url\":\"https://example.org\"}", 201,
                "{\"id\":2,\"url\":\"https://example.org\"}");
        t.add("POST", "/bookmarks", "application/json", "{\"url\": nope}", 400,
                "{\"error\":\"BadRequest\",\"message\":\"Unexpected token 'o', \\\"{\\\"url\\\": nope}\\\" is not valid "
                        + "JSON\"}", List.of(new Header("Content-Type", "application/json")));
        t.json("GET", "/bookmarks/1", null, 200, "{\"id\":1,\"url\":\"https://example.com\"}");
        return t;
    }

    @Test
    void givenAParsersMessageInsideAJsonError_whenAnotherMalformedBodyIsSent_thenTheTwinWordsItInTheSameJson()
            throws Exception {
        HttpResponse<String> refused = calls.json("POST", "/bookmarks", "{\"url\" \"x\"}");
        String yaml = files.text("twin.yaml");
        assertEquals(400, refused.statusCode(), refused.body() + "\n" + yaml);
        assertEquals("Expected ':' after property name in JSON at position 7",
                JSON.readTree(refused.body()).path("message").asText(), refused.body() + "\n" + yaml);
        assertEquals("BadRequest", JSON.readTree(refused.body()).path("error").asText(), refused.body());
        assertTrue(yaml.contains("dialect: node"), yaml);
    }
}
