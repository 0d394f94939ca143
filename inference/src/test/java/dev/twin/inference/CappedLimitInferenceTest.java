package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An audit log paged by {@code limit}/{@code offset} in a {@code {total, limit, offset, entries}} envelope, whose
 * server serves at most 25 entries however many are asked for, and says so by echoing {@code limit: 25}: the twin
 * caps a larger limit the same way instead of refusing it or serving every row.
 */
class CappedLimitInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            String row = "{\"id\":" + i + ",\"action\":\"login\",\"actor\":\"user" + i + "\"}";
            t.json("POST", "/entries", "{\"action\":\"login\",\"actor\":\"user" + i + "\"}", 201, row);
            all.append(i == 1 ? "" : ",").append(row);
        }
        String firstTwo = all.substring(0, all.indexOf("},{", all.indexOf("},{") + 1) + 1);
        t.json("GET", "/entries?limit=2&offset=0", null, 200,
                "{\"total\":4,\"limit\":2,\"offset\":0,\"entries\":[" + firstTwo + "]}");
        t.json("GET", "/entries?limit=500", null, 200,
                "{\"total\":4,\"limit\":25,\"offset\":0,\"entries\":[" + all + "]}");
        t.json("GET", "/entries", null, 200, "{\"total\":4,\"limit\":10,\"offset\":0,\"entries\":[" + all + "]}");
        return t;
    }

    @Test
    void givenALimitAnsweredSmallerThanAsked_whenTheTwinIsAskedForMore_thenItServesTheCap() throws Exception {
        for (int i = 5; i <= 40; i++) {
            assertEquals(201, calls.json("POST", "/entries", "{\"action\":\"logout\",\"actor\":\"user" + i + "\"}")
                    .statusCode());
        }
        var answer = calls.json("GET", "/entries?limit=500", null);
        String yaml = files.text("twin.yaml");
        assertEquals(200, answer.statusCode(), answer.body() + "\n" + yaml);
        JsonNode page = JSON.readTree(answer.body());
        assertEquals(25, page.path("limit").asInt(), page + "\n" + yaml);
        assertEquals(25, page.path("entries").size(), page.toString());
        assertEquals(36, page.path("total").asInt(), page.toString()); // the recording's creates are no seeds
        JsonNode small = JSON.readTree(calls.json("GET", "/entries?limit=3&offset=1", null).body());
        assertEquals(3, small.path("entries").size(), small.toString());
        assertTrue(files.text("inference-report.md").contains("answered with 25 rows at most"),
                files.text("inference-report.md"));
    }
}
