package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows the client names in the path ({@code PUT /api/vhosts/shop}), as RabbitMQ's management API, CouchDB and
 * key-value stores do: plain words, not id-shaped, yet values, because the answers hold them ({@code "name":
 * "shop"}). The twin serves them from a table, so a name the recording never saw works the same way.
 */
class NamedPathInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:15672");
        t.json("GET", "/api/vhosts", null, 200, "[{\"name\":\"/\",\"tracing\":false}]");
        t.json("PUT", "/api/vhosts/shop", "{\"description\":\"the shop\"}", 201, null);
        t.json("PUT", "/api/vhosts/staging", "{\"description\":\"staging\"}", 201, null);
        t.json("GET", "/api/vhosts/shop", null, 200,
                "{\"name\":\"shop\",\"description\":\"the shop\",\"tracing\":false}");
        t.json("GET", "/api/vhosts/staging", null, 200,
                "{\"name\":\"staging\",\"description\":\"staging\",\"tracing\":false}");
        t.json("PUT", "/api/vhosts/shop", "{\"description\":\"the shop, live\"}", 204, null);
        t.json("GET", "/api/vhosts/shop", null, 200,
                "{\"name\":\"shop\",\"description\":\"the shop, live\",\"tracing\":false}");
        t.json("PUT", "/api/queues/shop/orders", "{\"durable\":true}", 201, null);
        t.json("PUT", "/api/queues/shop/emails", "{\"durable\":false}", 201, null);
        t.json("GET", "/api/queues/shop/orders", null, 200,
                "{\"name\":\"orders\",\"vhost\":\"shop\",\"durable\":true,\"state\":\"live\"}");
        t.json("GET", "/api/queues/shop/emails", null, 200,
                "{\"name\":\"emails\",\"vhost\":\"shop\",\"durable\":false,\"state\":\"live\"}");
        t.json("GET", "/api/queues/shop/nope", null, 404, "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}");
        t.json("DELETE", "/api/vhosts/staging", null, 204, null);
        t.json("GET", "/api/vhosts/staging", null, 404, "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}");
        return t;
    }

    @Test
    void givenNamesTheAnswersHeld_whenInferred_thenThePathsAreTemplatesNamedForWhatTheValuesAre() throws Exception {
        String spec = files.text("openapi.yaml");
        assertTrue(spec.contains("/api/vhosts/{vhost}:"), spec);
        assertTrue(spec.contains("/api/queues/{vhost}/{queue}:"), spec);
        assertTrue(!spec.contains("/api/vhosts/shop:") && !spec.contains("/api/queues/shop/nope:"), spec);
    }

    @Test
    void givenANameTheRecordingNeverSaw_whenPutThenRead_thenTheTwinStoresItUnderThatName() throws Exception {
        assertEquals(201, calls.json("PUT", "/api/vhosts/billing", "{\"description\":\"billing\"}").statusCode());
        HttpResponse<String> read = calls.json("GET", "/api/vhosts/billing", null);
        assertEquals(200, read.statusCode(), read.body());
        JsonNode vhost = JSON.readTree(read.body());
        assertEquals("billing", vhost.path("name").asText(), read.body());
        assertEquals("billing", vhost.path("description").asText(), read.body());
    }

    @Test
    void givenARowNamedWithinItsParent_whenPutThenRead_thenTheParentNameIsKeptWithIt() throws Exception {
        assertEquals(201, calls.json("PUT", "/api/queues/shop/reports", "{\"durable\":true}").statusCode());
        JsonNode queue = JSON.readTree(calls.json("GET", "/api/queues/shop/reports", null).body());
        assertEquals("reports", queue.path("name").asText(), queue.toString());
        assertEquals("shop", queue.path("vhost").asText(), queue.toString());
    }

    @Test
    void givenTheErrorMostMissingReadsAnswered_whenANameIsMissing_thenTheTwinAnswersThatBody() throws Exception {
        HttpResponse<String> missing = calls.json("GET", "/api/vhosts/nowhere", null);
        assertEquals(404, missing.statusCode());
        assertEquals(JSON.readTree("{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}"),
                JSON.readTree(missing.body()));
    }
}
