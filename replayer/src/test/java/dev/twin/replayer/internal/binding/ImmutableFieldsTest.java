package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code update.immutable}: redeclaring a queue with another {@code durable} is refused with the configured body
 * (naming the field and both values) and keeps the queue; the same values, or other fields, are accepted; without a
 * body the table's VALIDATION_ERROR names the field.
 */
class ImmutableFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static YamlTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = YamlTwin.serve(dir, """
                openapi: 3.0.3
                info: {title: broker, version: '1'}
                paths:
                  /queues/{queue}:
                    parameters: [{name: queue, in: path, required: true, schema: {type: string}}]
                    put:
                      operationId: putQueue
                      requestBody: {content: {application/json: {schema: {type: object}}}}
                      responses: {'201': {description: created}}
                    get:
                      operationId: getQueue
                      responses: {'200': {description: ok}}
                  /exchanges/{exchange}:
                    parameters: [{name: exchange, in: path, required: true, schema: {type: string}}]
                    put:
                      operationId: putExchange
                      requestBody: {content: {application/json: {schema: {type: object}}}}
                      responses: {'201': {description: created}}
                """, """
                imports:
                  - {path: spec.yaml, as: broker}
                tables:
                  - name: queues
                    idField: name
                    response:
                      update:
                        upsert: true
                        createdStatus: 201
                        immutable:
                          fields: [durable, auto_delete]
                          body: {error: bad_request, reason: "inequivalent arg '{{field}}' for queue '{{item.name}}': received '{{sent}}' but current is '{{current}}'"}
                  - name: exchanges
                    idField: name
                    response: {update: {upsert: true, createdStatus: 201, immutable: {fields: [type]}}}
                extend:
                  - {mock: broker.putQueue, table: queues, action: update}
                  - {mock: broker.getQueue, table: queues, action: get}
                  - {mock: broker.putExchange, table: exchanges, action: update}
                """);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenADurableQueue_whenRedeclaredNotDurable_thenRefusedNamingTheValuesAndKept() throws Exception {
        assertEquals(201, put("/queues/orders", "{\"durable\":true,\"x\":1}").statusCode());
        assertEquals(201, put("/queues/orders", "{\"durable\":true,\"x\":2}").statusCode(), "same value: accepted");
        HttpResponse<String> refused = put("/queues/orders", "{\"durable\":false}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(JSON.readTree("{\"error\":\"bad_request\",\"reason\":\"inequivalent arg 'durable' for queue "
                + "'orders': received 'false' but current is 'true'\"}"), JSON.readTree(refused.body()));
        HttpResponse<String> kept = twin.send("GET", "/queues/orders", null, null);
        assertEquals(2, JSON.readTree(kept.body()).path("x").asInt(), kept.body());
        assertTrue(JSON.readTree(kept.body()).path("durable").asBoolean(), kept.body());
    }

    @Test
    void givenNoBody_whenATypeIsChanged_thenTheValidationErrorNamesTheField() throws Exception {
        assertEquals(201, put("/exchanges/events", "{\"type\":\"topic\"}").statusCode());
        HttpResponse<String> refused = put("/exchanges/events", "{\"type\":\"fanout\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("type"), refused.body());
    }

    private static HttpResponse<String> put(String path, String body) throws Exception {
        return twin.send("PUT", path, null, body);
    }
}
