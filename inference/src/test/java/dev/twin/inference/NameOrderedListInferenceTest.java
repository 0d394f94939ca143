package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
        t.json("PUT", "/api/vhosts/zoo", "{\"tracing\":false}", 201, null);
        t.json("GET", "/api/vhosts/zoo", null, 200, "{\"name\":\"zoo\",\"tracing\":false}");
        t.json("GET", "/api/vhosts", null, 200, "[{\"name\":\"/\",\"tracing\":false},{\"name\":\"billing\","
                + "\"tracing\":false},{\"name\":\"shop\",\"tracing\":true},{\"name\":\"zoo\",\"tracing\":false}]");
        return t;
    }

    @Test
    void givenRowsListedByName_whenTheTwinLists_thenTheyComeInTheSameOrder() throws Exception {
        JsonNode listed = JSON.readTree(calls.json("GET", "/api/vhosts", null).body());
        List<String> names = new ArrayList<>();
        listed.forEach(row -> names.add(row.path("name").asText()));

        assertEquals(List.of("/", "billing", "shop"), names.stream()
                .filter(List.of("/", "billing", "shop")::contains).toList(), listed.toString());
        assertTrue(files.text("inference-report.md").contains("ascending 'name' order (as text)"),
                files.text("inference-report.md"));
    }

    @Test
    void givenAnUnpagedListSortedByName_whenARowIsCreated_thenItIsListedAmongTheSeedsByItsName() throws Exception {
        assertEquals(201, calls.json("PUT", "/api/vhosts/accounts", "{\"tracing\":false}").statusCode());
        JsonNode listed = JSON.readTree(calls.json("GET", "/api/vhosts", null).body());
        List<String> names = new ArrayList<>();
        listed.forEach(row -> names.add(row.path("name").asText()));

        assertEquals(List.of("/", "accounts", "billing", "shop"), names, listed.toString());
    }
}
