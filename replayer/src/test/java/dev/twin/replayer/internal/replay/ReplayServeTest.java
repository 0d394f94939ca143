package dev.twin.replayer.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Header;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code replay:} in twin.yaml: unbound requests are answered from the recordings before the spec answers. */
class ReplayServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String REPLAY = "replay: {store: twin.db}\n";

    @TempDir
    Path dir;

    private Twin server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUnboundOperationAnswersTheRecordedStatusBodyAndHeaders() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets?limit=2", null, 200, "[{\"id\":1,\"name\":\"Rex\"}]",
                        new Header("X-Request-Id", "req_1"), new Header("Content-Encoding", "gzip"),
                        new Header("Content-Length", "999"), new Header("Transfer-Encoding", "chunked"))
                .write(REPLAY, ""));

        HttpResponse<String> response = get("/v1/pets?limit=2");

        assertEquals(200, response.statusCode());
        assertEquals("[{\"id\":1,\"name\":\"Rex\"}]", response.body());
        assertEquals("req_1", response.headers().firstValue("X-Request-Id").orElse(null));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        assertFalse(response.headers().firstValue("Content-Encoding").isPresent());
        assertFalse(response.headers().firstValue("Transfer-Encoding").isPresent());
        assertEquals(String.valueOf(response.body().length()),
                response.headers().firstValue("Content-Length").orElse(null));
    }

    @Test
    void aHarFileIsReplayedAsAStoreIsEachRequestAnsweredByItsClosestRecordedRequest() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "POST", "/v1/pets", "{\"name\":\"Rex\"}", 201, "{\"action\":\"set\"}")
                .record("main", "POST", "/v1/pets?prevExist=true", "{\"name\":\"Max\"}", 200,
                        "{\"action\":\"update\"}")
                .record("main", "POST", "/v1/pets?prevExist=false", "{\"name\":\"Max\"}", 412,
                        "{\"message\":\"Key already exists\"}")
                .writeHar("replay: {store: recordings.har}\n"));

        HttpResponse<String> exists = send("POST", "/v1/pets?prevExist=false", "{\"name\":\"Max\"}");
        HttpResponse<String> update = send("POST", "/v1/pets?prevExist=true", "{\"name\":\"Max\"}");
        HttpResponse<String> set = send("POST", "/v1/pets", "{\"name\":\"Rex\"}");

        assertEquals(412, exists.statusCode(), exists.body());
        assertEquals(200, update.statusCode(), update.body());
        assertEquals("update", json(update).path("action").asText());
        assertEquals(201, set.statusCode(), set.body());
    }

    @Test
    void identicalRequestsGetTheRecordedResponsesInOrderAndTheLastRepeats() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"pending\"}")
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"paid\"}")
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"shipped\"}")
                .write(REPLAY, ""));

        assertEquals("pending", json(get("/v1/pets/7")).path("status").asText());
        assertEquals("paid", json(get("/v1/pets/7")).path("status").asText());
        assertEquals("shipped", json(get("/v1/pets/7")).path("status").asText());
        assertEquals("shipped", json(get("/v1/pets/7")).path("status").asText());
    }

    @Test
    void concurrentIdenticalRequestsEachGetADifferentRecordedResponse() throws Exception {
        ReplayFixture fixture = new ReplayFixture(dir);
        int recorded = 20;
        for (int i = 0; i < recorded; i++) {
            fixture.record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"s" + i + "\"}");
        }
        start(fixture.write(REPLAY, ""));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/pets/7")).build();

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < recorded; i++) {
            responses.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> statuses = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            statuses.add(json(response.get(20, TimeUnit.SECONDS)).path("status").asText());
        }

        assertEquals(recorded, statuses.size(), "each recorded response was given exactly once: " + statuses);
    }

    @Test
    void aFullResetStartsTheRecordedOrderOver() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"pending\"}")
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"paid\"}")
                .write(REPLAY, ""));
        get("/v1/pets/7");
        get("/v1/pets/7");

        HttpResponse<String> reset = send("POST", "/__twin/reset", null);

        assertEquals(200, reset.statusCode());
        assertEquals("pending", json(get("/v1/pets/7")).path("status").asText());
    }

    @Test
    void theRecordingWithTheClosestQueryWins() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets?limit=2", null, 200, "[\"two\"]")
                .record("main", "GET", "/v1/pets?limit=5", null, 200, "[\"five\"]")
                .write(REPLAY, ""));

        assertEquals("[\"five\"]", get("/v1/pets?limit=5").body());
        assertEquals("[\"two\"]", get("/v1/pets?limit=2").body());
    }

    @Test
    void theRecordingWithTheClosestPathParameterWins() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets/1", null, 200, "{\"name\":\"one\"}")
                .record("main", "GET", "/v1/pets/2", null, 200, "{\"name\":\"two\"}")
                .write(REPLAY, ""));

        assertEquals("two", json(get("/v1/pets/2")).path("name").asText());
        assertEquals("one", json(get("/v1/pets/999")).path("name").asText(), "no equal value: the first recorded");
    }

    @Test
    void theRecordingWithTheClosestJsonBodyWinsWhateverTheFieldOrder() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "POST", "/v1/pets", "{\"name\":\"Rex\",\"tag\":\"dog\"}", 201, "{\"id\":11}")
                .record("main", "POST", "/v1/pets", "{\"name\":\"Tom\",\"tag\":\"cat\"}", 201, "{\"id\":12}")
                .write(REPLAY, ""));

        HttpResponse<String> exact = send("POST", "/v1/pets", "{\"tag\": \"cat\", \"name\": \"Tom\"}");
        HttpResponse<String> closest = send("POST", "/v1/pets", "{\"name\":\"Rex\",\"tag\":\"dog\",\"status\":\"new\"}");

        assertEquals(201, exact.statusCode());
        assertEquals(12, json(exact).path("id").asInt());
        assertEquals(11, json(closest).path("id").asInt());
    }

    @Test
    void aPathNoOperationMatchesIsReplayedByExactMethodAndPath() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/legacy/status", null, 200, "{\"ok\":true}")
                .write(REPLAY, ""));

        assertEquals("{\"ok\":true}", get("/v1/legacy/status").body());
        assertEquals(200, send("HEAD", "/v1/legacy/status", null).statusCode());
        assertEquals(404, get("/v1/legacy/other").statusCode());
        assertEquals(404, send("POST", "/v1/legacy/status", "{}").statusCode());
    }

    @Test
    void aTableBoundOperationStillAnswersFromTheTable() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/things/thing_1", null, 200, "{\"id\":\"thing_1\",\"name\":\"recorded\"}")
                .write(REPLAY, ReplayFixture.TABLES));

        HttpResponse<String> response = get("/v1/things/thing_1");

        assertEquals(200, response.statusCode());
        assertEquals("from the table", json(response).path("name").asText());
        assertEquals("table", lastJournalEntry().path("source").asText());
    }

    @Test
    void anOperationWithoutRecordingsFallsBackToTheSpec() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\"}")
                .write(REPLAY, ""));

        HttpResponse<String> response = send("DELETE", "/v1/pets/7", null);

        assertEquals(204, response.statusCode());
        assertFalse(lastJournalEntry().path("source").asText().equals("recording"));
    }

    @Test
    void theJournalNamesTheRecordingThatAnswered() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets?limit=2", null, 200, "[]")
                .write(REPLAY, ""));

        get("/v1/pets?limit=2");
        JsonNode entry = lastJournalEntry();

        assertEquals("recording", entry.path("source").asText());
        assertEquals("api.listPets", entry.path("operation").asText());
        assertEquals("recording #1 of session main", entry.path("note").asText());
    }

    @Test
    void strictValidationStillRefusesAnInvalidRequestThatWasRecorded() throws Exception {
        start(new ReplayFixture(dir)
                .record("main", "POST", "/v1/pets", "{\"tag\":\"dog\"}", 201, "{\"id\":11}")
                .write(REPLAY, ""));

        HttpResponse<String> response = send("POST", "/v1/pets", "{\"tag\":\"dog\"}");

        assertEquals(422, response.statusCode());
        assertEquals("error", lastJournalEntry().path("source").asText());
    }

    @Test
    void onlyTheListedSessionsAreReplayed() throws Exception {
        start(new ReplayFixture(dir)
                .record("monday", "GET", "/v1/pets?limit=2", null, 200, "[\"monday\"]")
                .record("tuesday", "GET", "/v1/pets?limit=2", null, 200, "[\"tuesday\"]")
                .write("replay: {store: twin.db, sessions: [tuesday]}\n", ""));

        assertEquals("[\"tuesday\"]", get("/v1/pets?limit=2").body());
        assertEquals("[\"tuesday\"]", get("/v1/pets?limit=2").body());
    }

    private void start(Path configFile) throws Exception {
        server = Twin.serve(configFile);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode lastJournalEntry() throws IOException, InterruptedException {
        JsonNode requests = json(get("/__twin/requests")).path("requests");
        assertTrue(requests.size() > 0, "the journal lists the requests");
        return requests.get(0); // newest first
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
