package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up API of legal holds, shaped like Alertmanager's silences: a DELETE releases a hold (its state set to
 * {@code {name: released}}, its end moved to now) and the hold stays readable and listed; a POST naming an existing
 * hold's id replaces it and answers as a create does; every time sent is kept with milliseconds. Each is inferred from
 * the recording alone and served back so.
 */
class ExpiringHoldsInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "0b2c8e4a-6f1d-4c3e-9a7b-5d2e1f0a9b8c";
    private static final String B = "7e9d1c3b-2a4f-4b6e-8c0d-1f3a5b7c9d2e";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:9093");
        t.json("GET", "/holds", null, 200, "[]");
        t.json("POST", "/holds", "{\"reason\":\"audit\",\"until\":\"2030-05-01T10:00:00Z\"}", 201,
                hold(A, "audit", "2030-05-01T10:00:00.000Z", "active"));
        t.json("POST", "/holds", "{\"reason\":\"legal\",\"until\":\"2030-06-01T00:00:00Z\"}", 201,
                hold(B, "legal", "2030-06-01T00:00:00.000Z", "active"));
        t.json("GET", "/holds/" + A, null, 200, hold(A, "audit", "2030-05-01T10:00:00.000Z", "active"));
        t.json("DELETE", "/holds/" + A, null, 204, null);
        // recorded at 1_700_000_005: the release moved the end to the second of the delete (1_700_000_004)
        t.json("GET", "/holds/" + A, null, 200, hold(A, "audit", "2023-11-14T22:13:24.000Z", "released"));
        t.json("GET", "/holds", null, 200, "[" + hold(B, "legal", "2030-06-01T00:00:00.000Z", "active") + ","
                + hold(A, "audit", "2023-11-14T22:13:24.000Z", "released") + "]");
        t.json("POST", "/holds", "{\"id\":\"" + B + "\",\"reason\":\"legal, extended\",\"until\":"
                + "\"2030-07-01T00:00:00Z\"}", 201, hold(B, "legal, extended", "2030-07-01T00:00:00.000Z", "active"));
        t.json("GET", "/holds/" + B, null, 200, hold(B, "legal, extended", "2030-07-01T00:00:00.000Z", "active"));
        return t;
    }

    private static String hold(String id, String reason, String until, String state) {
        return "{\"id\":\"" + id + "\",\"reason\":\"" + reason + "\",\"until\":\"" + until + "\",\"state\":{\"name\":\""
                + state + "\"}}";
    }

    @Test
    void givenADeleteAfterWhichTheHoldWasReadChanged_whenServed_thenTheDeleteKeepsTheHoldReleased() throws Exception {
        String id = JSON.readTree(calls.json("POST", "/holds", "{\"reason\":\"r\",\"until\":\"2031-01-01T00:00:00Z\"}")
                .body()).path("id").asText();
        HttpResponse<String> deleted = calls.json("DELETE", "/holds/" + id, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals("", deleted.body());
        HttpResponse<String> read = calls.json("GET", "/holds/" + id, null);
        assertEquals(200, read.statusCode(), files.text("twin.yaml"));
        JsonNode row = JSON.readTree(read.body());
        assertEquals("released", row.path("state").path("name").asText(), row.toString());
        assertEquals("r", row.path("reason").asText(), row.toString());
        String until = row.path("until").asText();
        assertTrue(until.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), until);
        assertTrue(Duration.between(Instant.parse(until), Instant.now()).abs().toMinutes() < 5, until);
        assertTrue(calls.json("GET", "/holds", null).body().contains(id), "still listed");
        assertTrue(files.text("twin.yaml").contains("operation: DeleteHold"), files.text("twin.yaml"));
        assertTrue(files.text("inference-report.md").contains("delete: soft") && files.text("inference-report.md")
                .contains("one sample: low confidence"), files.text("inference-report.md"));
    }

    @Test
    void givenAPostThatNamedAnExistingHold_whenServed_thenItReplacesTheHoldAndAnswersAsACreate() throws Exception {
        String id = JSON.readTree(calls.json("POST", "/holds", "{\"reason\":\"first\",\"until\":\"2031-01-01T00:00:00Z\"}")
                .body()).path("id").asText();
        HttpResponse<String> upsert = calls.json("POST", "/holds", "{\"id\":\"" + id + "\",\"reason\":\"second\","
                + "\"until\":\"2031-02-01T00:00:00Z\"}");
        assertEquals(201, upsert.statusCode(), upsert.body());
        assertEquals(id, JSON.readTree(upsert.body()).path("id").asText(), upsert.body());
        JsonNode read = JSON.readTree(calls.json("GET", "/holds/" + id, null).body());
        assertEquals("second", read.path("reason").asText(), read.toString());
        assertTrue(files.text("twin.yaml").contains("upsert: true"), files.text("twin.yaml"));
    }

    @Test
    void givenTimesAnsweredWithMilliseconds_whenATimeIsSentWithout_thenTheTwinKeepsItWithMilliseconds()
            throws Exception {
        JsonNode created = JSON.readTree(calls.json("POST", "/holds", "{\"reason\":\"t\","
                + "\"until\":\"2032-03-04T05:06:07Z\"}").body());
        assertEquals("2032-03-04T05:06:07.000Z", created.path("until").asText(), files.text("twin.yaml"));
        assertTrue(files.text("inference-report.md").contains("times: 'until'"), files.text("inference-report.md"));
    }
}
