package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Feathers-shaped API: lists in a {@code {total, limit, skip, data}} envelope paged by {@code $limit} and
 * {@code $skip}, sorted by {@code $sort[field]=-1}, with a default page of 10. The envelope's numbers echo the
 * paging the twin applied.
 */
class FeathersShapedInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String message(int id, String text) {
        return "{\"id\":" + id + ",\"text\":\"" + text + "\"}";
    }

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:3030");
        t.json("GET", "/messages", null, 200, "{\"total\":2,\"limit\":10,\"skip\":0,\"data\":[" + message(1, "a") + ","
                + message(2, "b") + "]}");
        t.json("POST", "/messages", "{\"text\":\"c\"}", 201, message(3, "c"));
        t.json("GET", "/messages?$limit=2&$skip=1", null, 200, "{\"total\":3,\"limit\":2,\"skip\":1,\"data\":["
                + message(2, "b") + "," + message(3, "c") + "]}");
        t.json("GET", "/messages?$sort[text]=-1", null, 200, "{\"total\":3,\"limit\":10,\"skip\":0,\"data\":["
                + message(3, "c") + "," + message(2, "b") + "," + message(1, "a") + "]}");
        t.json("GET", "/messages/1", null, 200, message(1, "a"));
        return t;
    }

    @Test
    void givenLimitAndSkip_whenListed_thenThatSliceInTheEnvelopeThatEchoesThem() throws Exception {
        JsonNode page = JSON.readTree(calls.json("GET", "/messages?$limit=1&$skip=1", null).body());
        assertEquals(2, page.path("total").asInt(), page.toString());
        assertEquals(1, page.path("limit").asInt(), page.toString());
        assertEquals(1, page.path("skip").asInt(), page.toString());
        assertEquals("[" + message(2, "b") + "]", page.path("data").toString());
    }

    @Test
    void givenNoPaging_whenListed_thenTheDefaultPageOldestFirst() throws Exception {
        JsonNode page = JSON.readTree(calls.json("GET", "/messages", null).body());
        assertEquals(10, page.path("limit").asInt(), page.toString());
        assertEquals(0, page.path("skip").asInt(), page.toString());
        assertEquals("[" + message(1, "a") + "," + message(2, "b") + "]", page.path("data").toString());
    }

    @Test
    void givenABracketSort_whenListed_thenRowsComeInThatOrder() throws Exception {
        JsonNode page = JSON.readTree(calls.json("GET", "/messages?$sort%5Btext%5D=-1", null).body());
        assertEquals("[" + message(2, "b") + "," + message(1, "a") + "]", page.path("data").toString());
        assertTrue(files.text("twin.yaml").contains("sortParam: $sort"), files.text("twin.yaml"));
    }
}
