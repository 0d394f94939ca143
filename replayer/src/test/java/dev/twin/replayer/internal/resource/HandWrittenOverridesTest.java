package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.internal.server.TwinServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stateful: auto} under what twin.yaml writes itself (stateful-auto/override/twin.yaml): a table written
 * under a resource's name, an operation bound by hand, an errors convention, an event rule on a derived table.
 */
class HandWrittenOverridesTest {
    private static AutoTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = AutoTwin.ofConfig(StatefulAutoTest.spec("override/twin.yaml"));
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    private static String createThing(String key) throws Exception {
        AutoTwin.Reply created = twin.sendJson("POST", "/api/things", key, "{\"name\": \"lamp\"}");
        assertEquals(201, created.status(), created.raw().body());
        return created.body().get("id").asText();
    }

    @Test
    void aTableWrittenUnderTheResourcesNameHoldsItsRows() throws Exception {
        String thing = createThing("k_table");

        JsonNode part = twin.sendJson("POST", "/api/things/" + thing + "/parts", "k_table",
                "{\"label\": \"wheel\"}").body();

        assertEquals(100, part.get("id").asInt(), part.toString());
        assertEquals(200, twin.get("/api/things/" + thing + "/parts/" + part.get("id").asText(), "k_table")
                .status());
    }

    @Test
    void aTableWritingOnlyADefaultKeepsTheDerivedIdsAndDefaultsUnderIt() throws Exception {
        JsonNode thing = twin.sendJson("POST", "/api/things", "k_partial", "{\"name\": \"lamp\"}").body();

        assertTrue(thing.get("id").asText().matches("[0-9a-f-]{36}"), "the derived uuid ids: " + thing);
        assertEquals("green", thing.get("color").asText(), "twin.yaml's default");
        assertEquals("[\"example\"]", thing.get("tags").toString(), "the spec example's default");
        assertTrue(thing.has("created_at"), thing.toString());
    }

    @Test
    void anOperationBoundByHandAnswersThroughItsBindingOverTheDerivedTable() throws Exception {
        String thing = createThing("k_custom");

        AutoTwin.Reply archived = twin.delete("/api/things/" + thing, "k_custom");
        AutoTwin.Reply read = twin.get("/api/things/" + thing, "k_custom");

        assertEquals(204, archived.status(), "the spec's delete status, as for any binding");
        assertEquals(200, read.status(), "the hand-written delete archives instead of deleting");
        assertEquals("true", read.body().get("archived").asText());
    }

    @Test
    void theErrorsConventionTwinYamlWritesShapesTheDerivedTablesErrors() throws Exception {
        AutoTwin.Reply missing = twin.get("/api/things/00000000-0000-4000-8000-000000000000", "k_errors");

        assertEquals(404, missing.status());
        assertTrue(missing.body().get("error").get("message").asText().contains("00000000-0000-4000-8000"),
                missing.body().toString());
    }

    @Test
    void aTableNameNeitherWrittenNorDerivedIsReportedAtItsLine() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> AutoTwin.ofConfig(StatefulAutoTest.spec("typo/twin.yaml")).close());

        assertTrue(refused.getMessage().contains("twin.yaml:5:"), refused.getMessage());
        assertTrue(refused.getMessage().contains("no table 'thingz'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("did you mean 'things'"), refused.getMessage());
    }

    @Test
    void withoutAnErrorsConventionARefusedCreateAnswersAsWithoutState() throws Exception {
        String invalid = "{\"color\": \"no name\"}";
        HttpResponse<String> stateless;
        try (TwinServer plain = TwinServer.builder().specs(StatefulAutoTest.spec("things-3.0.yaml")).port(0).start()) {
            stateless = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + plain.port() + "/api/things"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(invalid))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        try (AutoTwin bare = AutoTwin.ofSpec(StatefulAutoTest.spec("things-3.0.yaml"))) {
            AutoTwin.Reply refused = bare.sendJson("POST", "/api/things", null, invalid);

            assertEquals(stateless.statusCode(), refused.status());
            assertEquals(stateless.body(), refused.raw().body());
        }
    }
}
