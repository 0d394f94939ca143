package dev.twin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Rails-style sign-up API: every accepted member sent an {@code email}, and the one create without it was refused
 * 422 with {@code {"errors": {"email": ["can't be blank"]}}}. The twin refuses a create without an email with that
 * answer ({@code errors.byParam}) instead of its own validation error.
 */
class FieldRefusalAnswerInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/members", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}", 201,
                "{\"id\":1,\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
        t.json("POST", "/members", "{\"email\":\"alan@example.com\",\"name\":\"Alan\"}", 201,
                "{\"id\":2,\"email\":\"alan@example.com\",\"name\":\"Alan\"}");
        t.json("POST", "/members", "{\"name\":\"Nobody\"}", 422, "{\"errors\":{\"email\":[\"can't be blank\"]}}");
        t.json("GET", "/members/1", null, 200, "{\"id\":1,\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
        return t;
    }

    @Test
    void givenARefusalOfAMissingField_whenTheTwinIsSentACreateWithoutIt_thenItAnswersTheApisOwnRefusal()
            throws Exception {
        var refused = calls.json("POST", "/members", "{\"name\":\"Grace\"}");
        String yaml = files.text("twin.yaml");
        assertEquals(422, refused.statusCode(), refused.body() + "\n" + yaml);
        assertEquals(JSON.readTree("{\"errors\":{\"email\":[\"can't be blank\"]}}"), JSON.readTree(refused.body()),
                refused.body() + "\n" + yaml);
        assertEquals(201, calls.json("POST", "/members", "{\"email\":\"grace@example.com\",\"name\":\"Grace\"}")
                .statusCode());
        assertTrue(files.text("inference-report.md").contains("a write refused for 'email' (required) was answered 422"),
                files.text("inference-report.md"));
    }
}
