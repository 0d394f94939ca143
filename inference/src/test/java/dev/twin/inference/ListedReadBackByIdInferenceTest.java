package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counters created by {@code PUT /counters/{id}} with no answer, first seen again in a list where another counter
 * holds {@code hits: 1}: the list item that is counter 1 is the one whose id is 1, not the first number 1 met, so
 * the default learned ({@code tags: []}) is counter 1's.
 */
class ListedReadBackByIdInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("PUT", "/counters/2", "{\"label\":\"b\",\"tags\":[\"x\"]}", 201, null);
        t.json("GET", "/counters/2", null, 200, "{\"id\":2,\"label\":\"b\",\"hits\":0,\"tags\":[\"x\"]}");
        t.json("PUT", "/counters/1", "{\"label\":\"a\"}", 201, null);
        t.json("GET", "/counters", null, 200, "[{\"id\":2,\"label\":\"b\",\"hits\":1,\"tags\":[\"x\"]},"
                + "{\"id\":1,\"label\":\"a\",\"hits\":0,\"tags\":[]}]");
        return t;
    }

    @Test
    void givenAnotherRowHoldingTheNumberOne_whenRowOneIsReadBackFromTheList_thenItsOwnItemCounts() throws Exception {
        HttpResponse<String> put = calls.json("PUT", "/counters/7", "{\"label\":\"g\"}");
        assertEquals(201, put.statusCode(), put.body());
        JsonNode seven = JSON.readTree(calls.json("GET", "/counters/7", null).body());
        assertEquals(JSON.readTree("[]"), seven.path("tags"), seven + "\n" + files.text("twin.yaml"));
    }
}
