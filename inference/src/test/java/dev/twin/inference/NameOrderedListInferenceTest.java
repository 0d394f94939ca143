package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bare list whose rows came in their names' alphabetical order (RabbitMQ's vhosts and users): the twin lists its
 * seeds in that order, not newest first.
 */
class NameOrderedListInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String apiKey() {
        return "sk_test_names";
    }

    @Override
    Traffic recording() {
        Traffic t = new Traffic("mq.example.com");
        t.json("GET", "/api/vhosts", null, 200, "[{\"name\":\"/\",\"tracing\":false},{\"name\":\"billing\","
                + "\"tracing\":false},{\"name\":\"shop\",\"tracing\":true}]");
        t.json("GET", "/api/vhosts/shop", null, 200, "{\"name\":\"shop\",\"tracing\":true}");
        return t;
    }

    @Test
    void givenRowsListedByName_whenTheTwinLists_thenTheyComeInTheSameOrder() throws Exception {
        JsonNode listed = JSON.readTree(calls.json("GET", "/api/vhosts", null).body());

        assertEquals("/", listed.path(0).path("name").asText(), listed.toString());
        assertEquals("billing", listed.path(1).path("name").asText(), listed.toString());
        assertEquals("shop", listed.path(2).path("name").asText(), listed.toString());
        assertTrue(files.text("inference-report.md").contains("ascending 'name' order (as text)"),
                files.text("inference-report.md"));
    }
}
