package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up API of discount campaigns whose {@code phase} the server computes from its clock: {@code scheduled}
 * before {@code opensAt}, {@code running} until {@code closesAt}, {@code ended} after; and a campaign sent to open in
 * the past opens when it is created (one sent to open later keeps its time); lists put running campaigns first,
 * then scheduled, then ended ones. The recording starts at
 * 2023-11-14T22:13:20Z, one second per exchange; the twin serves today, so the times sent here lie far from both.
 */
class CampaignPhasesInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD = "c-0001";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:9400");
        // exchange 0 at 1_700_000_000: a campaign that ended before the recording
        t.json("GET", "/campaigns", null, 200, "[" + campaign(OLD, "spring", "2021-03-01T00:00:00Z",
                "2022-03-01T00:00:00Z", "ended") + "]");
        t.json("POST", "/campaigns", "{\"name\":\"summer\",\"opensAt\":\"2030-06-01T00:00:00Z\","
                + "\"closesAt\":\"2030-09-01T00:00:00Z\"}", 201, campaign("c-0002", "summer",
                "2030-06-01T00:00:00Z", "2030-09-01T00:00:00Z", "scheduled"));
        // exchange 2 at 1_700_000_002 (2023-11-14T22:13:22Z): sent to open in 2020, opened then
        t.json("POST", "/campaigns", "{\"name\":\"flash\",\"opensAt\":\"2020-01-01T00:00:00Z\","
                + "\"closesAt\":\"2030-01-01T00:00:00Z\"}", 201, campaign("c-0003", "flash",
                "2023-11-14T22:13:22Z", "2030-01-01T00:00:00Z", "running"));
        t.json("GET", "/campaigns/c-0002", null, 200, campaign("c-0002", "summer", "2030-06-01T00:00:00Z",
                "2030-09-01T00:00:00Z", "scheduled"));
        // lists put running campaigns first, then scheduled ones (newest first), then ended ones
        t.json("GET", "/campaigns", null, 200, "[" + campaign("c-0003", "flash", "2023-11-14T22:13:22Z",
                "2030-01-01T00:00:00Z", "running") + "," + campaign("c-0002", "summer", "2030-06-01T00:00:00Z",
                "2030-09-01T00:00:00Z", "scheduled") + "," + campaign(OLD, "spring", "2021-03-01T00:00:00Z",
                "2022-03-01T00:00:00Z", "ended") + "]");
        t.json("GET", "/campaigns/c-0003", null, 200, campaign("c-0003", "flash", "2023-11-14T22:13:22Z",
                "2030-01-01T00:00:00Z", "running"));
        t.json("POST", "/campaigns", "{\"name\":\"autumn\",\"opensAt\":\"2030-10-01T00:00:00Z\","
                + "\"closesAt\":\"2030-11-01T00:00:00Z\"}", 201, campaign("c-0004", "autumn",
                "2030-10-01T00:00:00Z", "2030-11-01T00:00:00Z", "scheduled"));
        t.json("GET", "/campaigns", null, 200, "[" + campaign("c-0003", "flash", "2023-11-14T22:13:22Z",
                "2030-01-01T00:00:00Z", "running") + "," + campaign("c-0004", "autumn", "2030-10-01T00:00:00Z",
                "2030-11-01T00:00:00Z", "scheduled") + "," + campaign("c-0002", "summer", "2030-06-01T00:00:00Z",
                "2030-09-01T00:00:00Z", "scheduled") + "," + campaign(OLD, "spring", "2021-03-01T00:00:00Z",
                "2022-03-01T00:00:00Z", "ended") + "]");
        return t;
    }

    private static String campaign(String id, String name, String opensAt, String closesAt, String phase) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"opensAt\":\"" + opensAt + "\",\"closesAt\":\""
                + closesAt + "\",\"phase\":\"" + phase + "\"}";
    }

    private JsonNode create(String name, String opensAt, String closesAt) throws Exception {
        var created = calls.json("POST", "/campaigns", "{\"name\":\"" + name + "\",\"opensAt\":\"" + opensAt
                + "\",\"closesAt\":\"" + closesAt + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body());
    }

    private JsonNode read(String id) throws Exception {
        return JSON.readTree(calls.json("GET", "/campaigns/" + id, null).body());
    }

    @Test
    void givenPhasesThatFollowedTheClock_whenServed_thenEachRowsPhaseIsComputedFromTheTwinsClock() throws Exception {
        JsonNode later = create("later", "2099-01-01T00:00:00Z", "2100-01-01T00:00:00Z");
        assertEquals("scheduled", later.path("phase").asText(), later + "\n" + files.text("twin.yaml"));
        assertEquals("scheduled", read(later.path("id").asText()).path("phase").asText());
        JsonNode closed = create("closed", "2001-01-01T00:00:00Z", "2002-01-01T00:00:00Z");
        assertEquals("ended", read(closed.path("id").asText()).path("phase").asText());
        // the seed row ended before the recording and still has
        assertEquals("ended", read(OLD).path("phase").asText());
        assertTrue(files.text("twin.yaml").contains("byClock:"), files.text("twin.yaml"));
        assertTrue(files.text("inference-report.md").contains("byClock: 'phase'"),
                files.text("inference-report.md"));
    }

    @Test
    void givenListsThatHeldEachPhaseTogether_whenListed_thenRowsComeByPhaseInTheRecordedOrder() throws Exception {
        create("now", "2001-01-01T00:00:00Z", "2100-01-01T00:00:00Z");
        create("over", "2001-01-01T00:00:00Z", "2002-01-01T00:00:00Z");
        create("soon", "2099-01-01T00:00:00Z", "2100-01-01T00:00:00Z");
        List<String> phases = new ArrayList<>();
        JSON.readTree(calls.json("GET", "/campaigns", null).body()).forEach(row -> {
            String phase = row.path("phase").asText();
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                phases.add(phase);
            }
        });
        assertEquals(List.of("running", "scheduled", "ended"), phases, files.text("twin.yaml"));
        assertTrue(files.text("twin.yaml").contains("listOrder:"), files.text("twin.yaml"));
    }

    @Test
    void givenTheTwinsClockMovedOn_whenARowIsReadAgain_thenItsPhaseFollowsTheTwinsClock() throws Exception {
        JsonNode row = create("far", "2090-01-01T00:00:00Z", "2100-01-01T00:00:00Z");
        assertEquals("scheduled", row.path("phase").asText(), row.toString());
        // whatever today is (before 2089), 70 years on the clock stands between 2090 and 2100
        twin.advanceClock(Duration.ofDays(365L * 70));
        assertEquals("running", read(row.path("id").asText()).path("phase").asText());
    }

    @Test
    void givenAStartSentInThePastMovedToTheWritesTime_whenServed_thenAPastStartIsMovedToNowAndAFutureOneKept()
            throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode past = create("past", "2001-01-01T00:00:00Z", "2100-01-01T00:00:00Z");
        String opensAt = past.path("opensAt").asText();
        assertFalse(Instant.parse(opensAt).isBefore(before), opensAt + "\n" + files.text("twin.yaml"));
        assertEquals("running", past.path("phase").asText(), past.toString());
        assertEquals(opensAt, read(past.path("id").asText()).path("opensAt").asText());
        JsonNode future = create("future", "2099-05-01T00:00:00Z", "2100-01-01T00:00:00Z");
        assertEquals("2099-05-01T00:00:00Z", future.path("opensAt").asText(), future.toString());
        assertTrue(files.text("twin.yaml").contains("notBeforeNow:"), files.text("twin.yaml"));
        assertTrue(files.text("inference-report.md").contains("notBeforeNow: 'opensAt'"),
                files.text("inference-report.md"));
    }
}
