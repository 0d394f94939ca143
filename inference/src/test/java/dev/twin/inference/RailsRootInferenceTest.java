package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Rails-style API: each item answer puts the row under the resource's name ({@code {"user": {...}}}), and
 * writes send it wrapped the same way; lists answer the rows bare. The twin stores the inner row and answers each
 * item operation wrapped, as the recording did (an item envelope, inferred from the item reads).
 */
class RailsRootInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:3000");
        t.json("GET", "/users", null, 200, "[{\"id\":1,\"name\":\"Ann\",\"admin\":false},"
                + "{\"id\":2,\"name\":\"Bob\",\"admin\":false}]");
        t.json("GET", "/users/1", null, 200, "{\"user\":{\"id\":1,\"name\":\"Ann\",\"admin\":false}}");
        t.json("GET", "/users/2", null, 200, "{\"user\":{\"id\":2,\"name\":\"Bob\",\"admin\":false}}");
        t.json("POST", "/users", "{\"user\":{\"name\":\"Cy\"}}", 201,
                "{\"user\":{\"id\":3,\"name\":\"Cy\",\"admin\":false}}");
        t.json("POST", "/users", "{\"user\":{\"name\":\"Di\"}}", 201,
                "{\"user\":{\"id\":4,\"name\":\"Di\",\"admin\":false}}");
        t.json("GET", "/users/3", null, 200, "{\"user\":{\"id\":3,\"name\":\"Cy\",\"admin\":false}}");
        t.json("PATCH", "/users/3", "{\"user\":{\"name\":\"Cyd\"}}", 200,
                "{\"user\":{\"id\":3,\"name\":\"Cyd\",\"admin\":false}}");
        t.json("DELETE", "/users/4", null, 204, null);
        t.json("GET", "/users/4", null, 404, "{\"error\":\"not found\"}");
        return t;
    }

    @Test
    void givenItemAnswersUnderTheResourceName_whenInferred_thenTheTableHasAnItemEnvelope() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("itemEnvelope:\n      field: user"), yaml);
        assertFalse(yaml.contains("extraFields:\n        get"), yaml);
        assertTrue(files.text("inference-report.md").contains("item envelope: 'user' held the row's id"),
                files.text("inference-report.md"));
    }

    @Test
    void givenAWrappedCreate_whenTheTwinAnswers_thenItStoresTheInnerRowAndAnswersEachItemOperationWrapped()
            throws Exception {
        HttpResponse<String> created = calls.json("POST", "/users", "{\"user\":{\"name\":\"Eve\"}}");
        assertEquals(201, created.statusCode(), created.body() + "\n" + files.text("twin.yaml"));
        JsonNode user = JSON.readTree(created.body()).path("user");
        assertEquals("Eve", user.path("name").asText(), created.body());
        assertTrue(user.path("id").isInt(), created.body());
        assertEquals(false, user.path("admin").asBoolean(true), created.body());
        assertEquals(1, JSON.readTree(created.body()).size(), created.body());

        String path = "/users/" + user.path("id").asInt();
        HttpResponse<String> read = calls.json("GET", path, null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(user, JSON.readTree(read.body()).path("user"), read.body());

        HttpResponse<String> patched = calls.json("PATCH", path, "{\"user\":{\"name\":\"Eva\"}}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("Eva", JSON.readTree(patched.body()).path("user").path("name").asText(), patched.body());

        HttpResponse<String> listed = calls.json("GET", "/users", null);
        assertTrue(listed.body().contains("{\"id\":" + user.path("id").asInt() + ",") && !listed.body()
                .contains("\"user\""), listed.body());

        assertEquals(204, calls.json("DELETE", path, null).statusCode());
        HttpResponse<String> gone = calls.json("GET", path, null);
        assertEquals(404, gone.statusCode(), gone.body());
        assertFalse(gone.body().contains("\"user\""), gone.body());
    }
}
