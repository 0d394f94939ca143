package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up bookmarks API written in Go: a body that is not JSON is answered 400 in plain text with encoding/json's
 * own message and http.Error's newline. The recording holds one such refusal; the twin answers other malformed
 * bodies in Go's words for the bytes it received, and still accepts good ones.
 */
class MalformedBodyDialectInferenceTest extends ServedRecordingTest {
    private static final List<Header> PLAIN = List.of(new Header("Content-Type", "text/plain; charset=utf-8"));

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:8080");
        t.json("POST", "/bookmarks", "{\"id\":\"b1\",\"url\":\"https://example.org/a\"}", 201,
                "{\"id\":\"b1\",\"url\":\"https://example.org/a\",\"starred\":false}");
        t.json("POST", "/bookmarks", "{\"id\":\"b2\",\"url\":\"https://example.org/b\"}", 201,
                "{\"id\":\"b2\",\"url\":\"https://example.org/b\",\"starred\":false}");
        t.add("POST", "/bookmarks", "application/json", "{\"url\": [1 2]}", 400,
                "invalid character '2' after array element\n", PLAIN);
        t.json("GET", "/bookmarks/b1", null, 200,
                "{\"id\":\"b1\",\"url\":\"https://example.org/a\",\"starred\":false}");
        t.json("GET", "/bookmarks", null, 200, "[{\"id\":\"b1\",\"url\":\"https://example.org/a\",\"starred\":false},"
                + "{\"id\":\"b2\",\"url\":\"https://example.org/b\",\"starred\":false}]");
        return t;
    }

    @Test
    void givenAGoParsersRefusalWasRecorded_whenOtherMalformedBodiesAreSent_thenTheTwinWordsThemAsGoDoes()
            throws Exception {
        HttpResponse<String> literal = calls.json("POST", "/bookmarks", "{\"url\": nope}");
        assertEquals(400, literal.statusCode(), literal.body());
        assertEquals("text/plain; charset=utf-8", literal.headers().firstValue("Content-Type").orElse(null));
        assertEquals("invalid character 'o' in literal null (expecting 'u')\n", literal.body());
        HttpResponse<String> cut = calls.json("POST", "/bookmarks", "{\"url\": \"https://exa");
        assertEquals("unexpected end of JSON input\n", cut.body());
        HttpResponse<String> key = calls.json("POST", "/bookmarks", "{url: 1}");
        assertEquals("invalid character 'u' looking for beginning of object key string\n", key.body());
        HttpResponse<String> good = calls.json("POST", "/bookmarks",
                "{\"id\":\"b3\",\"url\":\"https://example.org/c\"}");
        assertEquals(201, good.statusCode(), good.body());
        String report = files.text("inference-report.md");
        assertTrue(report.contains("the text is the go JSON parser's own message for the bytes sent, exactly")
                && report.contains("confidence"), report);
        assertTrue(files.text("twin.yaml").contains("dialect: go"), files.text("twin.yaml"));
    }
}
