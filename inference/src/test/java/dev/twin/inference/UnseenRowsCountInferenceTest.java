package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warehouse whose one recorded page showed 2 of its 6 bins ({@code {total: 6, pages: 3}}) and no other answer
 * showed the rest: the twin holds only the 2 it saw, so it cannot count the other 4; its totals stay as recorded
 * rather than counting 2, and the report says why.
 */
class UnseenRowsCountInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("GET", "/bins?page=1&per_page=2", null, 200, "{\"page\":1,\"per_page\":2,\"total\":6,\"pages\":3,"
                + "\"bins\":[{\"id\":1,\"aisle\":\"A\"},{\"id\":2,\"aisle\":\"B\"}]}");
        t.json("GET", "/bins/1", null, 200, "{\"id\":1,\"aisle\":\"A\"}");
        t.json("POST", "/bins", "{\"aisle\":\"C\"}", 201, "{\"id\":7,\"aisle\":\"C\"}");
        return t;
    }

    @Test
    void givenATotalCountingRowsNeverShown_whenTheTwinLists_thenItAnswersTheRecordedCounts() throws Exception {
        JsonNode page = JSON.readTree(calls.json("GET", "/bins?page=1&per_page=2", null).body());
        String report = files.text("inference-report.md");
        assertEquals(6, page.path("total").asInt(), page + "\n" + files.text("twin.yaml"));
        assertEquals(3, page.path("pages").asInt(), page.toString());
        assertEquals(2, page.path("bins").size(), page.toString());
        assertTrue(report.contains("counted 4 rows more than the recording had shown"), report);
    }
}
