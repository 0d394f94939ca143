package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library catalogue paged the way Laravel pages ({@code {current_page, per_page, total, last_page, data}}):
 * {@code last_page} was the total over the page size asked for, rounded up, in every recorded answer, so the twin
 * counts the pages its own rows fill instead of repeating the recorded 3.
 */
class PageCountInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        String[] titles = {"Dune", "Emma", "Ulysses", "Beloved", "Middlemarch"};
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            String row = "{\"id\":" + (i + 1) + ",\"title\":\"" + titles[i] + "\",\"on_loan\":false}";
            t.json("POST", "/books", "{\"title\":\"" + titles[i] + "\"}", 201, row);
            if (i < 2) {
                rows.append(i == 0 ? "" : ",").append(row);
            }
        }
        t.json("GET", "/books?page=1&per_page=2", null, 200, "{\"current_page\":1,\"per_page\":2,\"total\":5,"
                + "\"last_page\":3,\"data\":[" + rows + "]}");
        t.json("GET", "/books/2", null, 200, "{\"id\":2,\"title\":\"Emma\",\"on_loan\":false}");
        return t;
    }

    @Test
    void givenPagesCountedInTheRecording_whenMoreRowsAreListed_thenTheTwinCountsItsOwnPages() throws Exception {
        for (String title : new String[] {"Dune", "Emma", "Ulysses", "Beloved", "Middlemarch", "Ivanhoe", "Rebecca"}) {
            assertEquals(201, calls.json("POST", "/books", "{\"title\":\"" + title + "\"}").statusCode());
        }
        JsonNode byTwo = JSON.readTree(calls.json("GET", "/books?page=1&per_page=2", null).body());
        String yaml = files.text("twin.yaml");
        assertEquals(7, byTwo.path("total").asInt(), byTwo + "\n" + yaml);
        assertEquals(4, byTwo.path("last_page").asInt(), byTwo + "\n" + yaml);
        JsonNode byFive = JSON.readTree(calls.json("GET", "/books?page=2&per_page=5", null).body());
        assertEquals(2, byFive.path("last_page").asInt(), byFive.toString());
        assertEquals(2, byFive.path("current_page").asInt(), byFive.toString());
        assertEquals(2, byFive.path("data").size(), byFive.toString());
        assertTrue(yaml.contains("pageCountField: last_page"), yaml);
        assertTrue(files.text("inference-report.md").contains("'last_page' the pages"), files.text("inference-report.md"));
    }
}
