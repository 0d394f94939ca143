package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.inference.output.TwinFiles;
import dev.twin.replayer.server.TwinServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API whose delete answers the row it deleted, plus {@code deleted: true}: the twin answers the row being
 * deleted, not a copy of the one row the recording happened to delete.
 */
class DeleteAnswerInferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static TwinFiles files;
    static TwinServer twin;

    @BeforeAll
    static void inferAndServe() throws Exception {
        Traffic t = new Traffic("api.example.com");
        t.json("POST", "/notes", "{\"text\":\"a\",\"pages\":2}", 201, "{\"id\":1,\"text\":\"a\",\"pages\":2}");
        t.json("POST", "/notes", "{\"text\":\"b\",\"pages\":5}", 201, "{\"id\":2,\"text\":\"b\",\"pages\":5}");
        t.json("GET", "/notes/1", null, 200, "{\"id\":1,\"text\":\"a\",\"pages\":2}");
        t.json("DELETE", "/notes/1", null, 200, "{\"id\":1,\"text\":\"a\",\"pages\":2,\"deleted\":true}");
        t.json("GET", "/notes/1", null, 404, "{\"error\":\"not found\"}");
        files = Inferred.files(t, InferenceOptions.defaults());
        twin = Inferred.serve(files, dir);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenDeletesThatAnsweredTheRow_whenAnotherRowIsDeleted_thenTheAnswerIsThatRowWithTheAddedFields()
            throws Exception {
        JsonNode created = JSON.readTree(send("POST", "/notes", "{\"text\":\"zz\",\"pages\":9}").body());
        HttpResponse<String> deleted = send("DELETE", "/notes/" + created.path("id").asLong(), null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        JsonNode body = JSON.readTree(deleted.body());
        assertEquals("zz", body.path("text").asText(), deleted.body());
        assertEquals(9, body.path("pages").asInt(), deleted.body());
        assertTrue(body.path("pages").isIntegralNumber(), deleted.body());
        assertTrue(body.path("deleted").asBoolean(), deleted.body());
        assertTrue(files.text("inference-report.md").contains("the twin answers the row it deletes"),
                files.text("inference-report.md"));
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + path));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
