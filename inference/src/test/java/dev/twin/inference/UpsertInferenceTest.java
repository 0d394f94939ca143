package dev.twin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PUT that creates a row under the id the client chose (201, no body) and replaces it afterwards (204, no body),
 * as RabbitMQ's management API and many key-value APIs do: the twin upserts the same way.
 */
class UpsertInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "0b2c8e4a-6f1d-4c3e-9a7b-5d2e1f0a9b8c";
    private static final String B = "7e9d1c3b-2a4f-4b6e-8c0d-1f3a5b7c9d2e";
    private static final String NEW = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String VENDOR = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:15672");
        t.json("PUT", "/api/queues/" + A, "{\"durable\":true}", 201, null);
        t.json("PUT", "/api/queues/" + B, "{\"durable\":false}", 201, null);
        t.json("GET", "/api/queues/" + A, null, 200, "{\"id\":\"" + A + "\",\"durable\":true}");
        t.json("PUT", "/api/queues/" + A, "{\"durable\":false}", 204, null);
        t.add("PUT", "/api/queues/" + B, "application/vnd.queue.v2+json", "{\"durable\":true}", 204, null);
        t.json("GET", "/api/queues/" + A, null, 200, "{\"id\":\"" + A + "\",\"durable\":false}");
        return t;
    }

    @Test
    void givenRowsThePutsCreated_whenInferred_thenTheyAreNoSeeds() throws Exception {
        assertEquals(404, calls.json("GET", "/api/queues/" + A, null).statusCode());
        assertTrue(files.text("inference-report.md").contains("seed (initial): 0 rows; the recording created 2"),
                files.text("inference-report.md"));
    }

    @Test
    void givenBodiesSentAsAVendorJsonType_whenSentSoAgain_thenTheTwinAcceptsThem() throws Exception {
        HttpResponse<String> put = calls.send("PUT", "/api/queues/" + VENDOR, "application/vnd.queue.v2+json",
                "{\"durable\":false}");
        assertEquals(201, put.statusCode(), put.body());
        assertTrue(files.text("openapi.yaml").contains("application/vnd.queue.v2+json"), files.text("openapi.yaml"));
    }

    @Test
    void givenPutsThatCreatedAndReplaced_whenANewIdIsPut_thenItIsCreatedThenReplacedWithoutBodies() throws Exception {
        HttpResponse<String> created = calls.json("PUT", "/api/queues/" + NEW, "{\"durable\":true}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("", created.body());
        assertEquals(true, JSON.readTree(calls.json("GET", "/api/queues/" + NEW, null).body()).path("durable")
                .asBoolean());
        HttpResponse<String> replaced = calls.json("PUT", "/api/queues/" + NEW, "{\"durable\":false}");
        assertEquals(204, replaced.statusCode(), replaced.body());
        assertEquals(false, JSON.readTree(calls.json("GET", "/api/queues/" + NEW, null).body()).path("durable")
                .asBoolean());
        assertTrue(files.text("inference-report.md").contains("a PUT naming a new id creates the row (upsert)"),
                files.text("inference-report.md"));
    }
}
