package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up bookmarks API whose malformed-body answer is wording no known parser gives: the twin answers that
 * recorded text as a constant, with the recorded status and content type, and the report says the wording was not
 * generalised.
 */
class MalformedBodyConstantInferenceTest extends ServedRecordingTest {
    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:8080");
        t.json("POST", "/bookmarks", "{\"id\":\"b1\",\"url\":\"https://example.org/a\"}", 201,
                "{\"id\":\"b1\",\"url\":\"https://example.org/a\"}");
        t.add("POST", "/bookmarks", "application/json", "{\"url\": [1 2]}", 400, "that is no bookmark\n",
                List.of(new Header("Content-Type", "text/plain")));
        t.json("GET", "/bookmarks/b1", null, 200, "{\"id\":\"b1\",\"url\":\"https://example.org/a\"}");
        return t;
    }

    @Test
    void givenAnUnknownWording_whenAMalformedBodyIsSent_thenTheTwinAnswersTheRecordedText() throws Exception {
        HttpResponse<String> refused = calls.json("POST", "/bookmarks", "{\"url\": nope}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("text/plain", refused.headers().firstValue("Content-Type").orElse(null));
        assertEquals("that is no bookmark\n", refused.body());
        assertTrue(files.text("inference-report.md").contains("the wording could not be generalised"),
                files.text("inference-report.md"));
    }
}
