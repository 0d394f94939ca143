package dev.twin.inference;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feature flags read one at a time ({@code GET /flags/{name}}) and written only as a whole set ({@code PUT
 * /flag-set}, a write no table takes): after the set left {@code beta} out, its read answered 404. A table of the
 * flags would keep the row it was seeded with, so the twin replays the flags' reads in recorded order instead, and
 * the report says why.
 */
class ReadOnlyTableChangedByOtherWritesInferenceTest extends ServedRecordingTest {

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("GET", "/flags/dark-mode", null, 200, "{\"name\":\"dark-mode\",\"enabled\":true}");
        t.json("GET", "/flags/beta", null, 200, "{\"name\":\"beta\",\"enabled\":false}");
        t.json("GET", "/flags/missing", null, 404, "{\"error\":\"no flag missing\"}");
        t.json("PUT", "/flag-set", "{\"flags\":[{\"name\":\"dark-mode\",\"enabled\":true}]}", 200, "{\"ok\":true}");
        t.json("GET", "/flags/beta", null, 404, "{\"error\":\"no flag beta\"}");
        t.json("GET", "/flags/dark-mode", null, 200, "{\"name\":\"dark-mode\",\"enabled\":true}");
        return t;
    }

    @Test
    void givenAReadOnlyTableWhoseRowVanishedThroughAnotherWrite_whenTheFlowRunsAgain_thenTheTwinAnswersAsRecorded()
            throws Exception {
        assertEquals(200, calls.json("GET", "/flags/beta", null).statusCode());
        assertEquals(200, calls.json("PUT", "/flag-set", "{\"flags\":[{\"name\":\"dark-mode\",\"enabled\":true}]}")
                .statusCode());
        HttpResponse<String> gone = calls.json("GET", "/flags/beta", null);
        assertEquals(404, gone.statusCode(), gone.body() + "\n" + files.text("twin.yaml"));
        assertEquals("{\"error\":\"no flag beta\"}", gone.body().strip());
        assertEquals(200, calls.json("GET", "/flags/dark-mode", null).statusCode());
    }

    @Test
    void theReportNamesTheReadsItReplaysAndWhy() throws Exception {
        String report = files.text("inference-report.md");
        assertTrue(report.contains("'beta' answered 404 after answering 200"), report);
        assertFalse(files.text("twin.yaml").contains("seedFile"), files.text("twin.yaml"));
    }
}
