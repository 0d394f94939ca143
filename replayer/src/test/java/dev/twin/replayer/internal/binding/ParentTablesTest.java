package dev.twin.replayer.internal.binding;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code extend[].parentTables}: a queue declared under a vhost that is not a live row of the vhosts table answers
 * NOT_FOUND (or the entry's own {@code notFound} body) and is not stored, as RabbitMQ answers; under a vhost that
 * exists it is created.
 */
class ParentTablesTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: broker, version: '1'}
            paths:
              /vhosts/{vhost}:
                parameters: [{name: vhost, in: path, required: true, schema: {type: string}}]
                put:
                  operationId: putVhost
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
                delete:
                  operationId: deleteVhost
                  responses: {'204': {description: gone}}
              /queues/{vhost}/{queue}:
                parameters:
                  - {name: vhost, in: path, required: true, schema: {type: string}}
                  - {name: queue, in: path, required: true, schema: {type: string}}
                put:
                  operationId: putQueue
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
                get:
                  operationId: getQueue
                  responses: {'200': {description: ok}}
            """;

    @TempDir
    static Path dir;
    private static YamlTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = YamlTwin.serve(dir, SPEC, """
                imports:
                  - {path: spec.yaml, as: broker}
                conventions:
                  errors:
                    bodies:
                      NOT_FOUND: {error: Object Not Found, reason: Not Found}
                tables:
                  - {name: vhosts, idField: name, seedData: [{name: /}],
                     response: {update: {upsert: true, createdStatus: 201}}}
                  - {name: queues, idField: name, response: {update: {upsert: true, createdStatus: 201}}}
                extend:
                  - {mock: broker.putVhost, table: vhosts, action: update}
                  - {mock: broker.deleteVhost, table: vhosts, action: delete}
                  - {mock: broker.putQueue, table: queues, action: update, parentTables: {vhost: vhosts}}
                  - mock: broker.getQueue
                    table: queues
                    action: get
                    parentTables: {vhost: {table: vhosts, notFound: {error: not_found, reason: vhost_not_found}}}
                """);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenAVhostThatDoesNotExist_whenAQueueIsDeclaredInIt_thenNotFoundAndNothingStored() throws Exception {
        HttpResponse<String> declared = put("/queues/nowhere/q1", "t-missing");
        assertEquals(404, declared.statusCode(), declared.body());
        assertTrue(declared.body().contains("Object Not Found"), declared.body());
        assertEquals(201, put("/vhosts/nowhere", "t-missing").statusCode());
        HttpResponse<String> read = get("/queues/nowhere/q1", "t-missing");
        assertEquals(404, read.statusCode(), "the refused declaration stored nothing: " + read.body());
        assertTrue(read.body().contains("Object Not Found"), "the vhost exists now: the queue's own 404");
        HttpResponse<String> underMissing = get("/queues/elsewhere/q1", "t-missing");
        assertEquals(404, underMissing.statusCode(), underMissing.body());
        assertEquals("{\"error\":\"not_found\",\"reason\":\"vhost_not_found\"}", underMissing.body().strip(),
                "a parent's own notFound body");
    }

    @Test
    void givenAVhostThatExists_whenAQueueIsDeclared_thenCreatedUntilTheVhostIsDeleted() throws Exception {
        assertEquals(201, put("/queues/%2F/jobs", "t-live").statusCode());
        assertEquals(200, get("/queues/%2F/jobs", "t-live").statusCode());
        assertEquals(201, put("/vhosts/shop", "t-live").statusCode());
        assertEquals(201, put("/queues/shop/orders", "t-live").statusCode());
        HttpResponse<String> deleted = twin.send("DELETE", "/vhosts/shop", "t-live", null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, put("/queues/shop/invoices", "t-live").statusCode());
    }

    @Test
    void givenAParentTableThatDoesNotExist_whenLoaded_thenAConfigErrorNamesIt() throws Exception {
        ConfigException error = assertThrows(ConfigException.class, () -> YamlTwin.serve(dir.resolve("bad"), SPEC, """
                imports:
                  - {path: spec.yaml, as: broker}
                tables:
                  - {name: queues, idField: name}
                extend:
                  - {mock: broker.putQueue, table: queues, action: update, parentTables: {vhost: vhost}}
                """));
        assertTrue(error.getMessage().contains("twin.yaml:6") && error.getMessage().contains("no table 'vhost'"),
                error.getMessage());
    }

    private static HttpResponse<String> put(String path, String tenant) throws Exception {
        return twin.send("PUT", path, tenant, "{\"durable\":true}");
    }

    private static HttpResponse<String> get(String path, String tenant) throws Exception {
        return twin.send("GET", path, tenant, null);
    }
}
