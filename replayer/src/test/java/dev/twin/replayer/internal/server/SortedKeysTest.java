package dev.twin.replayer.internal.server;

import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code server.json.sortKeys}: a table row, a list envelope and an error body all come with every object's members
 * sorted by name, as an API writing JSON from sorted maps (RabbitMQ) sends them, though the twin made the row with
 * its id first and the client sent the fields in another order.
 */
class SortedKeysTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: queues, version: '1'}
            paths:
              /queues:
                get: {operationId: listQueues, responses: {'200': {description: queues}}}
                post: {operationId: createQueue, responses: {'201': {description: made}}}
              /queues/{name}:
                get:
                  operationId: readQueue
                  parameters: [{name: name, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: a queue}, '404': {description: none}}
            """;

    @TempDir
    Path dir;

    @Test
    void givenSortKeys_thenEveryAnswerIsWrittenWithMembersInNameOrder() throws Exception {
        try (YamlTwin twin = YamlTwin.serve(dir, SPEC, """
                imports: [{path: spec.yaml, as: api}]
                server:
                  json: {sortKeys: true}
                conventions:
                  errors:
                    bodies:
                      NOT_FOUND: {reason: Not Found, error: Object Not Found}
                tables:
                  - name: queues
                    idField: name
                    idStrategy: uuid
                    response:
                      fields:
                        inject: {vhost: shop, arguments: {z: 1, a: 2}}
                      list: {style: none, bareArray: false, dataField: items, totalField: total_count}
                extend:
                  - {mock: api.listQueues, table: queues, action: list}
                  - {mock: api.createQueue, table: queues, action: create}
                  - {mock: api.readQueue, table: queues, action: get}
                """)) {
            HttpResponse<String> created = twin.send("POST", "/queues", "t", "{\"name\":\"orders\",\"durable\":true}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("{\"arguments\":{\"a\":2,\"z\":1},\"durable\":true,\"name\":\"orders\",\"vhost\":\"shop\"}",
                    created.body());

            HttpResponse<String> listed = twin.send("GET", "/queues", "t", null);
            assertEquals("{\"items\":[{\"arguments\":{\"a\":2,\"z\":1},\"durable\":true,\"name\":\"orders\","
                    + "\"vhost\":\"shop\"}],\"total_count\":1}", listed.body());

            HttpResponse<String> missing = twin.send("GET", "/queues/nope", "t", null);
            assertEquals(404, missing.statusCode());
            assertEquals("{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}", missing.body());
        }
    }
}
