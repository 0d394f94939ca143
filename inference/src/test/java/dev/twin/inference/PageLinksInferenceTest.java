package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recipe box paged by {@code limit}/{@code offset} in a {@code {count, next, previous, results}} envelope: the
 * total is {@code count} (larger than a full page), {@code next} and {@code previous} the URLs of the neighbouring
 * pages (the first page's without an offset), and {@code ordering=-minutes} sorts descending. The twin answers its
 * own rows the same way.
 */
class PageLinksInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "http://127.0.0.1:7000/recipes/";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        String[] rows = new String[5];
        for (int i = 1; i <= 5; i++) {
            rows[i - 1] = "{\"id\":" + i + ",\"name\":\"dish " + i + "\",\"minutes\":" + (i * 10) + "}";
            t.json("POST", "/recipes/", "{\"name\":\"dish " + i + "\",\"minutes\":" + (i * 10) + "}", 201,
                    rows[i - 1]);
        }
        t.json("GET", "/recipes/?limit=2&offset=0", null, 200, "{\"count\":5,\"next\":\"" + BASE
                + "?limit=2&offset=2\",\"previous\":null,\"results\":[" + rows[0] + "," + rows[1] + "]}");
        t.json("GET", "/recipes/?limit=2&offset=2", null, 200, "{\"count\":5,\"next\":\"" + BASE
                + "?limit=2&offset=4\",\"previous\":\"" + BASE + "?limit=2\",\"results\":[" + rows[2] + ","
                + rows[3] + "]}");
        t.json("GET", "/recipes/?limit=2&offset=4", null, 200, "{\"count\":5,\"next\":null,\"previous\":\"" + BASE
                + "?limit=2&offset=2\",\"results\":[" + rows[4] + "]}");
        t.json("GET", "/recipes/?ordering=-minutes", null, 200, "{\"count\":5,\"next\":null,\"previous\":null,"
                + "\"results\":[" + rows[4] + "," + rows[3] + "," + rows[2] + "," + rows[1] + "," + rows[0] + "]}");
        return t;
    }

    @Test
    void givenPagesThatNameTheirNeighbours_whenTheTwinPagesItsRows_thenItNamesItsOwnNeighbours() throws Exception {
        for (int i = 1; i <= 7; i++) {
            calls.json("POST", "/recipes/", "{\"name\":\"new " + i + "\",\"minutes\":" + i + "}");
        }
        JsonNode middle = JSON.readTree(calls.json("GET", "/recipes/?limit=3&offset=3", null).body());
        String yaml = files.text("twin.yaml");
        String base = "http://127.0.0.1:" + calls.port() + "/recipes/";
        assertEquals(7, middle.path("count").asInt(), middle + "\n" + yaml);
        assertEquals(base + "?limit=3&offset=6", middle.path("next").asText(), middle.toString());
        assertEquals(base + "?limit=3", middle.path("previous").asText(), middle.toString());
        JsonNode last = JSON.readTree(calls.json("GET", "/recipes/?limit=3&offset=6", null).body());
        assertTrue(last.path("next").isNull(), last.toString());
        assertEquals(base + "?limit=3&offset=3", last.path("previous").asText(), last.toString());

        JsonNode slowest = JSON.readTree(calls.json("GET", "/recipes/?ordering=-minutes", null).body());
        assertEquals(7, slowest.path("results").path(0).path("minutes").asInt(), slowest.toString());
    }
}
