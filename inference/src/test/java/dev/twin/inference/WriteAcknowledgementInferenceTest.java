package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creates answered with an acknowledgement ({@code {ok: true, id}}, as CouchDB answers) instead of the row: the twin
 * acknowledges its creates the same way with the id it minted, and keeps every field sent (an acknowledgement that
 * shows none of them says nothing about fields the server ignores).
 */
class WriteAcknowledgementInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String apiKey() {
        return "sk_test_ack";
    }

    @Override
    Traffic recording() {
        Traffic t = new Traffic("db.example.com");
        t.json("POST", "/books", "{\"title\":\"Dune\",\"year\":1965}", 201,
                "{\"ok\":true,\"id\":\"5f1c0d1e-0a6b-4b8e-9a43-1d2c3b4a5f60\"}");
        t.json("POST", "/books", "{\"title\":\"Emma\",\"year\":1815}", 201,
                "{\"ok\":true,\"id\":\"8a2b3c4d-1e2f-4a5b-8c6d-7e8f9a0b1c2d\"}");
        t.json("GET", "/books/5f1c0d1e-0a6b-4b8e-9a43-1d2c3b4a5f60", null, 200,
                "{\"_id\":\"5f1c0d1e-0a6b-4b8e-9a43-1d2c3b4a5f60\",\"title\":\"Dune\",\"year\":1965}");
        t.json("GET", "/books/8a2b3c4d-1e2f-4a5b-8c6d-7e8f9a0b1c2d", null, 200,
                "{\"_id\":\"8a2b3c4d-1e2f-4a5b-8c6d-7e8f9a0b1c2d\",\"title\":\"Emma\",\"year\":1815}");
        return t;
    }

    @Test
    void givenCreatesAnsweredWithAnAcknowledgement_whenTheTwinCreates_thenItAcknowledgesAndKeepsTheRow()
            throws Exception {
        JsonNode ack = JSON.readTree(calls.json("POST", "/books", "{\"title\":\"Ulysses\",\"year\":1922}").body());

        assertEquals(2, ack.size(), ack.toString());
        assertTrue(ack.path("ok").asBoolean(), ack.toString());
        JsonNode row = JSON.readTree(calls.json("GET", "/books/" + ack.path("id").asText(), null).body());
        assertEquals("Ulysses", row.path("title").asText(), row.toString());
        assertEquals(1922, row.path("year").asInt(), row.toString());
        assertTrue(files.text("inference-report.md").contains("acknowledged the write"),
                files.text("inference-report.md"));
    }
}
