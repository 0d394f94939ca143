package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Three write conventions of an API shaped like Alertmanager's silences: {@code fields.times} rewrites a sent time
 * into the format the server keeps, {@code create.upsert} lets a create naming an existing row's id replace it, and a
 * delete bound to a custom operation whose response is {@code null} keeps the row (a soft delete) and answers no
 * body.
 */
class SilenceLikeWritesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static YamlTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = YamlTwin.serve(dir, """
                openapi: 3.0.3
                info: {title: holds, version: '1'}
                paths:
                  /holds:
                    post:
                      operationId: createHold
                      requestBody: {content: {application/json: {schema: {type: object}}}}
                      responses: {'200': {description: ok}}
                    get:
                      operationId: listHolds
                      responses: {'200': {description: ok}}
                  /holds/{hold}:
                    parameters: [{name: hold, in: path, required: true, schema: {type: string}}]
                    get:
                      operationId: getHold
                      responses: {'200': {description: ok}}
                    delete:
                      operationId: releaseHold
                      responses: {'200': {description: ok}}
                """, """
                imports:
                  - {path: spec.yaml, as: api}
                tables:
                  - name: holds
                    response:
                      list: {style: none, bareArray: true}
                      create: {status: 200, upsert: true}
                      fields: {times: {until: iso8601-millis, since: rfc2822}}
                extend:
                  - {mock: api.createHold, table: holds, action: create}
                  - {mock: api.listHolds, table: holds, action: list}
                  - {mock: api.getHold, table: holds, action: get}
                  - {mock: api.releaseHold, table: holds, action: custom, operation: ReleaseHold}
                customOperations:
                  - name: ReleaseHold
                    steps:
                      - {type: read, table: holds, id: input.hold, as: row}
                      - {type: update, table: holds, id: row.id, set: {state: "{'name' : 'released'}", until: request.time.iso8601Millis}}
                    response: "null"
                """);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenATimeSentWithoutMilliseconds_whenStored_thenItIsKeptInTheTablesFormat() throws Exception {
        JsonNode created = JSON.readTree(twin.send("POST", "/holds", null,
                "{\"until\":\"2031-01-02T01:00:00+01:00\",\"since\":\"2031-01-01T00:00:00Z\",\"note\":\"x\"}").body());
        assertEquals("2031-01-02T00:00:00.000Z", created.path("until").asText(), created.toString());
        assertEquals("Wed, 01 Jan 2031 00:00:00 +0000", created.path("since").asText(), created.toString());
        JsonNode read = JSON.readTree(twin.send("GET", "/holds/" + created.path("id").asText(), null, null).body());
        assertEquals("2031-01-02T00:00:00.000Z", read.path("until").asText(), read.toString());
    }

    @Test
    void givenATimeFieldHoldingNoTime_whenStored_thenItIsKeptAsSent() throws Exception {
        JsonNode created = JSON.readTree(twin.send("POST", "/holds", null, "{\"until\":\"soon\"}").body());
        assertEquals("soon", created.path("until").asText(), created.toString());
    }

    @Test
    void givenAnExistingHold_whenACreateNamesItsId_thenTheHoldIsReplacedInPlace() throws Exception {
        String id = JSON.readTree(twin.send("POST", "/holds", null, "{\"note\":\"first\",\"extra\":1}").body())
                .path("id").asText();
        HttpResponse<String> upsert = twin.send("POST", "/holds", null, "{\"id\":\"" + id + "\",\"note\":\"second\"}");
        assertEquals(200, upsert.statusCode(), upsert.body());
        JsonNode read = JSON.readTree(twin.send("GET", "/holds/" + id, null, null).body());
        assertEquals("second", read.path("note").asText(), read.toString());
        assertTrue(read.path("extra").isMissingNode(), "replaced, not merged: " + read);
    }

    @Test
    void givenAnIdNoHoldHas_whenACreateNamesIt_thenTheHoldIsCreatedUnderIt() throws Exception {
        HttpResponse<String> created = twin.send("POST", "/holds", null, "{\"id\":\"chosen\",\"note\":\"n\"}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("chosen", JSON.readTree(twin.send("GET", "/holds/chosen", null, null).body()).path("id").asText());
    }

    @Test
    void givenAHold_whenDeletedThroughASoftDelete_thenItAnswersNoBodyAndStaysReadableAndListed() throws Exception {
        String id = JSON.readTree(twin.send("POST", "/holds", null, "{\"note\":\"kept\"}").body()).path("id").asText();
        HttpResponse<String> deleted = twin.send("DELETE", "/holds/" + id, null, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals("", deleted.body());
        JsonNode read = JSON.readTree(twin.send("GET", "/holds/" + id, null, null).body());
        assertEquals("released", read.path("state").path("name").asText(), read.toString());
        assertTrue(read.path("until").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                read.toString());
        assertTrue(twin.send("GET", "/holds", null, null).body().contains(id));
    }
}
