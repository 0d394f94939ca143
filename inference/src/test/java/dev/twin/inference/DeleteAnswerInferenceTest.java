package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API whose delete answers the row it deleted, plus {@code deleted: true}: the twin answers the row being
 * deleted, not a copy of the one row the recording happened to delete.
 */
class DeleteAnswerInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("api.example.com");
        t.json("POST", "/notes", "{\"text\":\"a\",\"pages\":2}", 201, "{\"id\":1,\"text\":\"a\",\"pages\":2}");
        t.json("POST", "/notes", "{\"text\":\"b\",\"pages\":5}", 201, "{\"id\":2,\"text\":\"b\",\"pages\":5}");
        t.json("GET", "/notes/1", null, 200, "{\"id\":1,\"text\":\"a\",\"pages\":2}");
        t.json("DELETE", "/notes/1", null, 200, "{\"id\":1,\"text\":\"a\",\"pages\":2,\"deleted\":true}");
        t.json("GET", "/notes/1", null, 404, "{\"error\":\"not found\"}");
        return t;
    }

    @Test
    void givenDeletesThatAnsweredTheRow_whenAnotherRowIsDeleted_thenTheAnswerIsThatRowWithTheAddedFields()
            throws Exception {
        JsonNode created = JSON.readTree(calls.json("POST", "/notes", "{\"text\":\"zz\",\"pages\":9}").body());
        HttpResponse<String> deleted = calls.json("DELETE", "/notes/" + created.path("id").asLong(), null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        JsonNode body = JSON.readTree(deleted.body());
        assertEquals("zz", body.path("text").asText(), deleted.body());
        assertEquals(9, body.path("pages").asInt(), deleted.body());
        assertTrue(body.path("pages").isIntegralNumber(), deleted.body());
        assertTrue(body.path("deleted").asBoolean(), deleted.body());
        assertTrue(files.text("inference-report.md").contains("the twin answers the row it deletes"),
                files.text("inference-report.md"));
    }

}
