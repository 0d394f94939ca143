package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API whose item read shows more than its list does (RabbitMQ's exchange shows {@code incoming} and
 * {@code outgoing} only when read by name): the twin's lists leave those fields out, its item reads keep them.
 */
class ItemOnlyFieldsInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:15672");
        t.json("GET", "/api/exchanges", null, 200, "[{\"name\":\"amq.direct\",\"type\":\"direct\"},"
                + "{\"name\":\"amq.fanout\",\"type\":\"fanout\"}]");
        t.json("GET", "/api/exchanges/amq.direct", null, 200,
                "{\"name\":\"amq.direct\",\"type\":\"direct\",\"incoming\":[],\"outgoing\":[]}");
        t.json("GET", "/api/exchanges/amq.fanout", null, 200,
                "{\"name\":\"amq.fanout\",\"type\":\"fanout\",\"incoming\":[],\"outgoing\":[]}");
        t.json("PUT", "/api/exchanges/orders", "{\"type\":\"topic\"}", 201, null);
        t.json("GET", "/api/exchanges/orders", null, 200,
                "{\"name\":\"orders\",\"type\":\"topic\",\"incoming\":[],\"outgoing\":[]}");
        t.json("GET", "/api/exchanges", null, 200, "[{\"name\":\"amq.direct\",\"type\":\"direct\"},"
                + "{\"name\":\"amq.fanout\",\"type\":\"fanout\"},{\"name\":\"orders\",\"type\":\"topic\"}]");
        return t;
    }

    @Test
    void givenFieldsOnlyTheItemReadShowed_whenListedAndRead_thenTheListLeavesThemOutAndTheReadKeepsThem()
            throws Exception {
        calls.json("PUT", "/api/exchanges/billing", "{\"type\":\"direct\"}");
        HttpResponse<String> list = calls.json("GET", "/api/exchanges", null);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode rows = JSON.readTree(list.body());
        assertTrue(rows.size() >= 3, list.body());
        for (JsonNode row : rows) {
            assertFalse(row.has("incoming") || row.has("outgoing"), list.body());
        }
        JsonNode item = JSON.readTree(calls.json("GET", "/api/exchanges/billing", null).body());
        assertEquals("[]", item.path("incoming").toString(), item.toString());
        assertEquals("[]", item.path("outgoing").toString(), item.toString());
        assertTrue(files.text("twin.yaml").contains("itemOnly:"), files.text("twin.yaml"));
    }
}
