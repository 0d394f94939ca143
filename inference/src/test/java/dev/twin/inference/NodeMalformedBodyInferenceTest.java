package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up notes API on a bare Node server: a body that is not JSON is answered 400 in plain text as
 * {@code Bad JSON: } and {@code JSON.parse}'s own message. The twin answers other malformed bodies in V8's words for
 * the bytes it received.
 */
class NodeMalformedBodyInferenceTest extends ServedRecordingTest {
    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:8080");
        t.json("POST", "/notes", "{\"id\":\"n1\",\"text\":\"milk\"}", 201, "{\"id\":\"n1\",\"text\":\"milk\"}");
        t.json("POST", "/notes", "{\"id\":\"n2\",\"text\":\"eggs\"}", 201, "{\"id\":\"n2\",\"text\":\"eggs\"}");
        t.add("POST", "/notes", "application/json", "{\"text\" \"x\"}", 400,
                "Bad JSON: Expected ':' after property name in JSON at position 8",
                List.of(new Header("Content-Type", "text/plain")));
        t.json("GET", "/notes/n1", null, 200, "{\"id\":\"n1\",\"text\":\"milk\"}");
        return t;
    }

    @Test
    void givenANodeParsersRefusalWasRecorded_whenAnotherMalformedBodyIsSent_thenTheTwinWordsItAsV8Does()
            throws Exception {
        HttpResponse<String> refused = calls.json("POST", "/notes", "{\"text\": nope}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("text/plain", refused.headers().firstValue("Content-Type").orElse(null));
        assertEquals("Bad JSON: Unexpected token 'o', \"{\"text\": nope}\" is not valid JSON", refused.body());
        assertTrue(files.text("twin.yaml").contains("dialect: node"), files.text("twin.yaml"));
    }
}
