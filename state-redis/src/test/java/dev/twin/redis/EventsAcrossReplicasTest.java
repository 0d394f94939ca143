package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.twin.redis.ApiReplicas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events of a small notes API (not Stripe) on two replicas sharing one Redis. Redis keeps an event of a table whose
 * rows are shaped alike every time as its row, and each replica makes the event's JSON from that when it is read:
 * both replicas show the same events, field for field, with the row as a GET shows it and an update's old values.
 * A table whose shape calls {@code {{random}}} keeps its events' JSON, so that every replica shows the values the
 * event was made with.
 */
class EventsAcrossReplicasTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: notes, version: '1'}
            servers: [{url: 'https://notes.example/v1'}]
            paths:
              /notes:
                post:
                  operationId: createNote
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
              /notes/{note}:
                parameters: [{name: note, in: path, required: true, schema: {type: string}}]
                get: {operationId: getNote, responses: {'200': {description: ok}}}
                patch:
                  operationId: updateNote
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'200': {description: ok}}
                delete: {operationId: deleteNote, responses: {'200': {description: ok}}}
              /tokens:
                post:
                  operationId: createToken
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
              /events:
                get: {operationId: listEvents, responses: {'200': {description: ok}}}
              /events/{event}:
                parameters: [{name: event, in: path, required: true, schema: {type: string}}]
                get: {operationId: getEvent, responses: {'200': {description: ok}}}
            """;

    private static final String TWIN = """
            version: 1
            imports:
              - {path: notes.yaml, as: notes}
            server: {validate: "off"}
            tables:
              - name: notes
                idField: id
                idStrategy: prefix
                idPrefix: note_
                response: {fields: {inject: {object: note, summary: "note {{item.title}}", archived: false}}}
              - name: tokens
                idField: id
                idStrategy: prefix
                idPrefix: tok_
                response: {fields: {inject: {nonce: "{{random 12}}"}}}
            extend:
              - {mock: notes.createNote, table: notes, action: create}
              - {mock: notes.getNote, table: notes, action: get}
              - {mock: notes.updateNote, table: notes, action: patch}
              - {mock: notes.deleteNote, table: notes, action: delete}
              - {mock: notes.createToken, table: tokens, action: create}
            scenarios:
              - name: flagged
                when: {operation: notes.createNote, match: "input.title == 'flag me'"}
                then:
                  set: {flagged: "true"}
            events:
              list: notes.listEvents
              get: notes.getEvent
              emit:
                - {table: notes, on: created, type: note.created}
                - {table: notes, on: updated, type: note.updated}
                - {table: notes, on: deleted, type: note.deleted}
                - {table: tokens, on: created, type: token.created}
            """;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static ApiReplicas replicas;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        replicas = ApiReplicas.start(dir, REDIS.server(), "notes", "notes.yaml", SPEC, TWIN, 2);
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void aNotesCreateUpdateAndDeleteAreTheSameEventsOnBothReplicasAndStoredAsTheirRows() throws Exception {
        String key = "key_notes";
        HttpResponse<String> created = replicas.send(0, "POST", "/v1/notes", key,
                "{\"title\":\"first\",\"pages\":[1,2]}");
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).get("id").asText();
        assertEquals(200, replicas.send(1, "PATCH", "/v1/notes/" + id, key, "{\"title\":\"second\",\"tag\":\"x\"}")
                .statusCode());
        JsonNode shown = json(replicas.send(0, "GET", "/v1/notes/" + id, key, null));
        assertEquals(200, replicas.send(1, "DELETE", "/v1/notes/" + id, key, null).statusCode());

        JsonNode onFirst = json(replicas.send(0, "GET", "/v1/events", key, null)).get("data");
        JsonNode onSecond = json(replicas.send(1, "GET", "/v1/events", key, null)).get("data");
        JsonNode updated = json(replicas.send(0, "GET", "/v1/events/" + onSecond.get(1).get("id").asText(), key, null));

        assertEquals(onFirst, onSecond, "each replica makes the same JSON of the stored rows");
        assertEquals(List.of("note.deleted", "note.updated", "note.created"), types(onSecond));
        assertEquals(json(created), onSecond.get(2).get("data").get("object"));
        assertEquals(shown, updated.get("data").get("object"), "the row as a GET showed it");
        assertEquals(Replicas.JSON.readTree("{\"title\":\"first\",\"tag\":null}"),
                updated.get("data").get("previous_attributes"), shown.toString());
        assertEquals("note second", shown.get("summary").asText());
        assertEquals(shown, onSecond.get(0).get("data").get("object"), "a delete's event shows the row it removed");
        assertFalse(onSecond.get(0).get("data").has("previous_attributes"));
        for (JsonNode event : onSecond) {
            assertEquals("event", event.get("object").asText());
            assertTrue(event.get("created").asLong() > 0, event.toString());
        }
        List<String> stored = storedEvents(onSecond);
        assertEquals(3, stored.size(), stored.toString());
        stored.forEach(content -> assertTrue(content.startsWith("[1,"), "kept as its row: " + content));
    }

    @Test
    void aScenarioThatChangesTheRowItCreatedEmitsOneNetEventSeenOnTheOtherReplica() throws Exception {
        String key = "key_flagged";
        HttpResponse<String> created = replicas.send(0, "POST", "/v1/notes", key, "{\"title\":\"flag me\"}");
        assertEquals(201, created.statusCode(), created.body());

        JsonNode onSecond = json(replicas.send(1, "GET", "/v1/events", key, null)).get("data");

        assertEquals(List.of("note.created"), types(onSecond), "the create and the scenario's change: one event");
        assertTrue(onSecond.get(0).get("data").get("object").get("flagged").asBoolean(), onSecond.toString());
        assertEquals(json(created).get("id"), onSecond.get(0).get("data").get("object").get("id"));
    }

    @Test
    void aTableShapedWithRandomKeepsItsEventsJsonSoBothReplicasShowTheSameValues() throws Exception {
        String key = "key_tokens";
        assertEquals(201, replicas.send(1, "POST", "/v1/tokens", key, "{\"name\":\"t\"}").statusCode());

        JsonNode onFirst = json(replicas.send(0, "GET", "/v1/events", key, null)).get("data");
        JsonNode onSecond = json(replicas.send(1, "GET", "/v1/events", key, null)).get("data");

        assertEquals(List.of("token.created"), types(onSecond));
        assertEquals(12, onSecond.get(0).get("data").get("object").get("nonce").asText().length());
        assertEquals(onFirst, onSecond);
        List<String> stored = storedEvents(onSecond);
        assertEquals(1, stored.size(), stored.toString());
        assertTrue(stored.get(0).startsWith("{"), "kept as its JSON: " + stored.get(0));
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    /** What Redis holds of each of these events ({@code ID NUL TYPE NUL what}). */
    private static List<String> storedEvents(JsonNode events) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        events.forEach(event -> ids.add(event.get("id").asText()));
        RedisClient client = RedisClient.create(REDIS.server().url("").toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> contents = new ArrayList<>();
            ScanIterator<String> keys = ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches("notes:e:*:ev"));
            while (keys.hasNext()) {
                for (String event : connection.sync().zrange(keys.next(), 0, -1)) {
                    String[] parts = event.split("\u0000", 3);
                    if (ids.contains(parts[0])) {
                        contents.add(parts[2]);
                    }
                }
            }
            return contents;
        } finally {
            client.shutdown();
        }
    }
}
