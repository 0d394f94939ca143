package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code create.body}: an API that acknowledges a write ({@code {ok: true, id}}, as CouchDB does) instead of
 * answering the row; the row keeps what was sent and reads back whole.
 */
class CreateAcknowledgementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static Twin server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), SandboxFixture.SPEC);
        Files.writeString(dir.resolve("twin.yaml"), """
                imports:
                  - {path: spec.yaml, as: things}
                tables:
                  - name: things
                    idField: _id
                    idStrategy: uuid
                    response:
                      create:
                        status: 201
                        body: {ok: true, id: "{{item._id}}"}
                extend:
                  - {mock: things.createThing, table: things, action: create}
                  - {mock: things.getThing, table: things, action: get}
                """);
        server = Twin.serve(dir.resolve("twin.yaml"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenAnAcknowledgingApi_whenARowIsCreated_thenTheAnswerIsTheAcknowledgementAndTheRowIsKeptWhole()
            throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/things"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"lamp\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(201, created.statusCode(), created.body());
        JsonNode ack = JSON.readTree(created.body());
        assertEquals(2, ack.size(), created.body());
        assertEquals(true, ack.get("ok").asBoolean());
        String id = ack.get("id").asText();
        JsonNode row = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/things/"
                + id)).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(id, row.get("_id").asText());
        assertEquals("lamp", row.get("name").asText());
    }
}
