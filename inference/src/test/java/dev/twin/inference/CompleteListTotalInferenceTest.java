package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A notes API paged as Feathers pages ({@code {total, limit, skip, data}}) whose recorded lists were never full: the
 * total equalled the rows listed and the limit echo (10) was larger. That is no sign of a page count: {@code total}
 * stays the total, and a third note makes it 3.
 */
class CompleteListTotalInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/notes", "{\"text\":\"a\"}", 201, "{\"id\":1,\"text\":\"a\"}");
        t.json("POST", "/notes", "{\"text\":\"b\"}", 201, "{\"id\":2,\"text\":\"b\"}");
        t.json("GET", "/notes?$limit=10", null, 200, "{\"total\":2,\"limit\":10,\"skip\":0,\"took\":7,"
                + "\"data\":[{\"id\":1,\"text\":\"a\"},{\"id\":2,\"text\":\"b\"}]}");
        t.json("GET", "/notes?$limit=10&done=false", null, 200, "{\"total\":2,\"limit\":10,\"skip\":0,\"took\":5,"
                + "\"data\":[{\"id\":1,\"text\":\"a\"},{\"id\":2,\"text\":\"b\"}]}");
        return t;
    }

    @Test
    void givenListsThatWereNeverFull_whenANoteIsAdded_thenTheTotalCountsEveryNote() throws Exception {
        for (String text : new String[] {"a", "b", "c"}) {
            calls.json("POST", "/notes", "{\"text\":\"" + text + "\"}");
        }
        JsonNode page = JSON.readTree(calls.json("GET", "/notes?$limit=10", null).body());
        assertEquals(3, page.path("total").asInt(), page + "\n" + files.text("twin.yaml"));
        assertFalse(files.text("twin.yaml").contains("itemCountField"), files.text("twin.yaml"));
    }
}
