package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fields a server ignores (sent with a value, never answered) are not echoed by the twin; fields it answers under
 * another spelling of the same name (Twilio's {@code To} as {@code to}) come back under that spelling.
 */
class SentFieldsInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String apiKey() {
        return "sk_test_sent";
    }

    @Override
    Traffic recording() {
        Traffic t = new Traffic("api.example.com");
        t.form("POST", "/v1/messages", "To=%2B15551230001&Body=hi&Priority=high", 201,
                "{\"sid\":\"msg_Aa11Bb22Cc33Dd\",\"to\":\"+15551230001\",\"body\":\"hi\"}");
        t.form("POST", "/v1/messages", "To=%2B15551230002&Body=yo&Priority=low", 201,
                "{\"sid\":\"msg_Ee44Ff55Gg66Hh\",\"to\":\"+15551230002\",\"body\":\"yo\"}");
        t.form("GET", "/v1/messages/msg_Aa11Bb22Cc33Dd", null, 200,
                "{\"sid\":\"msg_Aa11Bb22Cc33Dd\",\"to\":\"+15551230001\",\"body\":\"hi\"}");
        return t;
    }

    @Test
    void givenAFieldTheServerNeverAnswered_whenSent_thenTheTwinDoesNotEchoIt() throws Exception {
        JsonNode created = JSON.readTree(calls.form("POST", "/v1/messages", "To=%2B15551239999&Body=x&Priority=high")
                .body());
        assertFalse(created.has("Priority") || created.has("priority"), created.toString());
        assertTrue(files.text("inference-report.md").contains("fields the server ignores"),
                files.text("inference-report.md"));
    }

    @Test
    void givenFieldsAnsweredUnderAnotherSpelling_whenSent_thenTheTwinAnswersThatSpelling() throws Exception {
        JsonNode created = JSON.readTree(calls.form("POST", "/v1/messages", "To=%2B15551238888&Body=y&Priority=low")
                .body());
        assertEquals("+15551238888", created.path("to").asText(), created.toString());
        assertEquals("y", created.path("body").asText(), created.toString());
        assertFalse(created.has("To"), created.toString());
    }
}
