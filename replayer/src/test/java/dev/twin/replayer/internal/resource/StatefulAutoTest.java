package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twin serve --spec things-3.0.yaml --stateful}: a small OpenAPI 3.0 document with a collection, its items,
 * a nested collection and a few paths that are not resources, served with state and no twin.yaml. Each test uses
 * its own API key, so its own tenant.
 */
class StatefulAutoTest {
    private static AutoTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = AutoTwin.ofSpec(spec("things-3.0.yaml"));
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    static Path spec(String name) throws URISyntaxException {
        return Path.of(StatefulAutoTest.class.getResource("/stateful-auto/" + name).toURI());
    }

    private static JsonNode create(String key, String json) throws Exception {
        AutoTwin.Reply created = twin.sendJson("POST", "/api/things", key, json);
        assertEquals(201, created.status(), created.raw().body());
        return created.body();
    }

    @Test
    void aCreateStoresTheRequestOverTheSpecsExampleWithAMintedIdAndItsTime() throws Exception {
        JsonNode thing = create("k_create", "{\"name\": \"Lamp\", \"tags\": [\"desk\"]}");

        assertTrue(thing.get("id").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"),
                thing.toString());
        assertNotEquals("9b2f6a4e-2f1c-4e0f-9a57-0a3c2b7d1e55", thing.get("id").asText());
        assertEquals("Lamp", thing.get("name").asText());
        assertEquals("[\"desk\"]", thing.get("tags").toString());
        assertEquals("grey", thing.get("color").asText(), "what the request does not say comes from the example");
        assertEquals("/api/things/" + thing.get("id").asText(), thing.get("self").asText(),
                "the example's own id inside other values is the new row's");
        assertTrue(thing.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), thing.toString());
        assertNotEquals("2024-01-01T00:00:00Z", thing.get("created_at").asText());
    }

    @Test
    void aFieldTheItemDoesNotHaveIsKeptButNotShown() throws Exception {
        JsonNode thing = create("k_hidden", "{\"name\": \"Safe\", \"secret\": \"s3cr3t\"}");

        assertFalse(thing.has("secret"), thing.toString());
    }

    @Test
    void aReadAnswersTheStoredRow() throws Exception {
        JsonNode created = create("k_read", "{\"name\": \"Chair\"}");

        AutoTwin.Reply read = twin.get("/api/things/" + created.get("id").asText(), "k_read");

        assertEquals(200, read.status());
        assertEquals(created, read.body());
    }

    @Test
    void aPatchMergesAndAPutReplaces() throws Exception {
        JsonNode created = create("k_write", "{\"name\": \"Desk\", \"color\": \"oak\", \"tags\": [\"a\"]}");
        String path = "/api/things/" + created.get("id").asText();

        JsonNode patched = twin.sendJson("PATCH", path, "k_write", "{\"color\": \"walnut\"}").body();
        JsonNode replaced = twin.sendJson("PUT", path, "k_write", "{\"name\": \"Table\"}").body();

        assertEquals("Desk", patched.get("name").asText());
        assertEquals("walnut", patched.get("color").asText());
        assertEquals("Table", replaced.get("name").asText());
        assertEquals("grey", replaced.get("color").asText(), "a replaced row is the example's again where not sent");
        assertEquals(created.get("id"), replaced.get("id"));
    }

    @Test
    void aDeleteAnswersAsDocumentedAndTheRowIsGone() throws Exception {
        JsonNode created = create("k_delete", "{\"name\": \"Bin\"}");
        String path = "/api/things/" + created.get("id").asText();

        AutoTwin.Reply deleted = twin.delete(path, "k_delete");
        AutoTwin.Reply read = twin.get(path, "k_delete");

        assertEquals(204, deleted.status());
        assertNull(deleted.body());
        assertEquals(404, read.status());
    }

    @Test
    void aMissingItemAnswersTheDocumented404WithItsMessage() throws Exception {
        AutoTwin.Reply missing = twin.get("/api/things/00000000-0000-4000-8000-000000000000", "k_missing");

        assertEquals(404, missing.status());
        assertEquals("not_found", missing.body().get("code").asText());
        assertTrue(missing.body().get("message").asText().contains("00000000-0000-4000-8000-000000000000"),
                missing.body().toString());
    }

    @Test
    void aListAnswersTheTenantsRowsOldestFirstInTheSpecsEnvelopeAndPages() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("one", "two", "three")) {
            ids.add(create("k_list", "{\"name\": \"" + name + "\"}").get("id").asText());
        }

        JsonNode all = twin.get("/api/things", "k_list").body();
        JsonNode page = twin.get("/api/things?offset=1&limit=1", "k_list").body();

        assertTrue(all.isArray(), "the spec's list is a bare array");
        assertEquals(ids, idsOf(all));
        assertEquals(List.of(ids.get(1)), idsOf(page));
    }

    @Test
    void aListFiltersByAFieldTheQueryNames() throws Exception {
        create("k_filter", "{\"name\": \"red one\", \"color\": \"red\"}");
        create("k_filter", "{\"name\": \"blue one\", \"color\": \"blue\"}");

        JsonNode red = twin.get("/api/things?color=red", "k_filter").body();

        assertEquals(1, red.size());
        assertEquals("red one", red.get(0).get("name").asText());
    }

    @Test
    void eachApiKeySeesOnlyItsOwnRows() throws Exception {
        create("k_mine", "{\"name\": \"mine\"}");

        JsonNode theirs = twin.get("/api/things", "k_theirs").body();

        assertEquals(0, theirs.size());
    }

    @Test
    void aNestedCollectionKeepsItsRowsUnderTheirParentWithSequentialIntegerIds() throws Exception {
        String first = create("k_parts", "{\"name\": \"bike\"}").get("id").asText();
        String second = create("k_parts", "{\"name\": \"car\"}").get("id").asText();

        JsonNode wheel = twin.sendJson("POST", "/api/things/" + first + "/parts", "k_parts",
                "{\"label\": \"wheel\"}").body();
        JsonNode door = twin.sendJson("POST", "/api/things/" + second + "/parts", "k_parts",
                "{\"label\": \"door\"}").body();
        JsonNode firstParts = twin.get("/api/things/" + first + "/parts", "k_parts").body();

        assertEquals(1, wheel.get("id").asLong());
        assertEquals(2, door.get("id").asLong());
        assertTrue(wheel.get("id").isIntegralNumber(), "integer ids are JSON numbers");
        assertEquals(first, wheel.get("thingId").asText());
        assertEquals(1, firstParts.get("total").asInt(), firstParts.toString());
        assertEquals("wheel", firstParts.get("items").get(0).get("label").asText());
        assertEquals(200, twin.get("/api/things/" + first + "/parts/1", "k_parts").status());
    }

    @Test
    void aNestedItemIsFoundOnlyUnderItsOwnParent() throws Exception {
        String bike = create("k_scoped", "{\"name\": \"bike\"}").get("id").asText();
        String car = create("k_scoped", "{\"name\": \"car\"}").get("id").asText();
        long wheel = twin.sendJson("POST", "/api/things/" + bike + "/parts", "k_scoped", "{\"label\": \"wheel\"}")
                .body().get("id").asLong();

        AutoTwin.Reply underItsParent = twin.get("/api/things/" + bike + "/parts/" + wheel, "k_scoped");
        AutoTwin.Reply underAnother = twin.get("/api/things/" + car + "/parts/" + wheel, "k_scoped");

        assertEquals(200, underItsParent.status());
        assertEquals(404, underAnother.status());
    }

    @Test
    void aPostThatAnswersAListIsNoCreateAndAnswersFromTheSpec() throws Exception {
        create("k_search", "{\"name\": \"findable\"}");

        AutoTwin.Reply found = twin.sendJson("POST", "/api/things/search", "k_search", "{}");

        assertEquals(200, found.status());
        assertTrue(found.body().isArray());
        assertFalse(found.body().toString().contains("findable"), "the spec's answer, not the table's rows");
    }

    @Test
    void aResourceNothingCreatesStaysStateless() throws Exception {
        AutoTwin.Reply gauge = twin.get("/api/gauges/g7", "k_gauge");

        assertEquals(200, gauge.status());
        assertEquals(42, gauge.body().get("reading").asInt(), "the spec's example, as without --stateful");
    }

    @Test
    void resetForgetsEveryRow() throws Exception {
        String id = create("k_reset", "{\"name\": \"temporary\"}").get("id").asText();

        AutoTwin.Reply reset = twin.sendJson("POST", "/__twin/reset", null, "{}");

        assertEquals(200, reset.status(), reset.raw().body());
        assertEquals(404, twin.get("/api/things/" + id, "k_reset").status());
    }

    private static List<String> idsOf(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }
}
