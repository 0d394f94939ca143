package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An API that answers its rows as a JSON media type of its own (JSON:API's {@code application/vnd.api+json}):
 * the twin's table answers carry the same {@code Content-Type}; its error answers keep their own.
 */
class MediaTypeInferenceTest extends ServedRecordingTest {
    private static final String API = "application/vnd.api+json";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:3000");
        List<Header> api = List.of(new Header("Content-Type", API));
        t.json("GET", "/articles", null, 200, "[{\"id\":\"1\",\"title\":\"One\"},{\"id\":\"2\",\"title\":\"Two\"}]", api);
        t.json("GET", "/articles/1", null, 200, "{\"id\":\"1\",\"title\":\"One\"}", api);
        t.json("GET", "/articles/2", null, 200, "{\"id\":\"2\",\"title\":\"Two\"}", api);
        t.json("POST", "/articles", "{\"title\":\"Three\"}", 201, "{\"id\":\"3\",\"title\":\"Three\"}", api);
        t.json("GET", "/articles/3", null, 200, "{\"id\":\"3\",\"title\":\"Three\"}", api);
        t.json("GET", "/articles/9", null, 404, "{\"error\":\"not found\"}");
        return t;
    }

    @Test
    void givenRowsAnsweredAsAMediaTypeOfTheirOwn_whenTheTwinAnswers_thenTableAnswersCarryItAndErrorsDoNot()
            throws Exception {
        HttpResponse<String> created = calls.json("POST", "/articles", "{\"title\":\"Four\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(API, created.headers().firstValue("Content-Type").orElse(""), files.text("twin.yaml"));
        assertEquals(API, calls.json("GET", "/articles", null).headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> missing = calls.json("GET", "/articles/999", null);
        assertEquals(404, missing.statusCode());
        assertEquals("application/json", missing.headers().firstValue("Content-Type").orElse(""));
    }
}
