package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code stateful: auto} on an OpenAPI 3.1 document and on a Swagger 2.0 one. */
class SpecVersionsTest {

    @Test
    void openApi31IdsFollowTheIdPatternAndListsTheObjectsArrayWithPages() throws Exception {
        try (AutoTwin twin = AutoTwin.ofSpec(StatefulAutoTest.spec("things-3.1.json"))) {
            JsonNode first = twin.sendJson("POST", "/things", "k", "{\"name\": \"a\"}").body();
            twin.sendJson("POST", "/things", "k", "{\"name\": \"b\"}");

            JsonNode page = twin.get("/things?page=2&per_page=1", "k").body();

            assertTrue(first.get("id").asText().matches("thg_[a-z0-9]{10}"), first.toString());
            assertEquals("someone", first.get("owner").asText(), "the schema's example is the default");
            assertTrue(first.get("updated").isIntegralNumber(), "a unix-time field holds the row's time");
            assertEquals(2, page.get("total").asInt(), page.toString());
            assertEquals("b", page.get("data").get(0).get("name").asText(), "page 2 of one is the second row");
        }
    }

    @Test
    void openApi31DeleteAnsweringTheItemAnswersTheDeletedRow() throws Exception {
        try (AutoTwin twin = AutoTwin.ofSpec(StatefulAutoTest.spec("things-3.1.json"))) {
            JsonNode created = twin.sendJson("POST", "/things", "k", "{\"name\": \"gone\"}").body();

            AutoTwin.Reply deleted = twin.delete("/things/" + created.get("id").asText(), "k");

            assertEquals(200, deleted.status());
            assertEquals("gone", deleted.body().get("name").asText());
            assertEquals(404, twin.get("/things/" + created.get("id").asText(), "k").status());
        }
    }

    @Test
    void swagger20IntegerIdsCountUpAndAPutReplacesUnderTheBasePath() throws Exception {
        try (AutoTwin twin = AutoTwin.ofSpec(StatefulAutoTest.spec("things-2.0.yaml"))) {
            JsonNode first = twin.sendJson("POST", "/v2/things", "k", "{\"name\": \"one\"}").body();
            JsonNode second = twin.sendJson("POST", "/v2/things", "k", "{\"name\": \"two\"}").body();

            JsonNode replaced = twin.sendJson("PUT", "/v2/things/2", "k", "{\"name\": \"deux\"}").body();
            JsonNode all = twin.get("/v2/things", "k").body();

            assertEquals(1, first.get("id").asInt());
            assertEquals(2, second.get("id").asInt());
            assertEquals("deux", replaced.get("name").asText());
            assertEquals(2, all.size());
        }
    }

    @Test
    void swagger20MissingItemAnswersItsDocumentedExample() throws Exception {
        try (AutoTwin twin = AutoTwin.ofSpec(StatefulAutoTest.spec("things-2.0.yaml"))) {
            AutoTwin.Reply missing = twin.get("/v2/things/99", "k");

            assertEquals(404, missing.status());
            assertFalse(missing.body().path("error").isMissingNode(), missing.body().toString());
        }
    }
}
