package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An etcd-v2-shaped key store: each answer wraps the node in {@code {action, node}}, the node names itself by a path
 * ending in the key the server minted ({@code /q/00000000000000000005}) and carries the write counter's value of its
 * creation and last write ({@code createdIndex}, {@code modifiedIndex}, the {@code X-Index} header on every answer),
 * and a delete answers the node less its value, stamped with the deleting write's index, beside the node as it was
 * ({@code prevNode}).
 */
class KeyValueEnvelopeInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "/v2/keys/q";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:2379");
        t.json("GET", "/health", null, 200, "{\"health\":\"true\"}", index(3));
        long index = 3;
        for (String value : List.of("a", "b", "c")) {
            index++;
            t.form("POST", QUEUE, "value=" + value, 201, "{\"action\":\"create\",\"node\":" + node(index, value,
                    index, index) + "}", index(index));
            t.json("GET", QUEUE + "/" + key(index), null, 200, "{\"action\":\"get\",\"node\":" + node(index, value,
                    index, index) + "}", index(index));
        }
        t.json("DELETE", QUEUE + "/" + key(5), null, 200, "{\"action\":\"delete\",\"node\":{\"key\":\"/q/" + key(5)
                + "\",\"modifiedIndex\":7,\"createdIndex\":5},\"prevNode\":" + node(5, "b", 5, 5) + "}", index(7));
        t.json("DELETE", QUEUE + "/" + key(4), null, 200, "{\"action\":\"delete\",\"node\":{\"key\":\"/q/" + key(4)
                + "\",\"modifiedIndex\":8,\"createdIndex\":4},\"prevNode\":" + node(4, "a", 4, 4) + "}", index(8));
        t.json("GET", QUEUE + "/" + key(5), null, 404, "{\"errorCode\":100,\"message\":\"Key not found\"}",
                index(8));
        return t;
    }

    private static List<Header> index(long value) {
        return List.of(new Header("X-Index", Long.toString(value)));
    }

    private static String key(long index) {
        return String.format("%020d", index);
    }

    private static String node(long id, String value, long modified, long created) {
        return "{\"key\":\"/q/" + key(id) + "\",\"value\":\"" + value + "\",\"modifiedIndex\":" + modified
                + ",\"createdIndex\":" + created + "}";
    }

    @Test
    void givenAKeyStoreRecording_whenInferred_thenEnvelopePathKeyAndWriteIndexAreWritten() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("itemEnvelope:\n      field: node"), yaml);
        assertTrue(yaml.contains("hide:\n      - id"), yaml);
        assertFalse(yaml.contains("idPosition"), yaml);
        assertTrue(yaml.contains("key: \"/q/{{item.id}}\""), yaml);
        assertTrue(yaml.contains("writeIndex:\n      created: createdIndex\n      modified: modifiedIndex"), yaml);
        assertTrue(yaml.contains("omit:\n      - value"), yaml);
        assertTrue(yaml.contains("previous:\n        delete: prevNode"), yaml);
    }

    @Test
    void givenTheTwin_whenAKeyIsQueuedReadAndDeleted_thenEachAnswerIsWrappedNamedAndCountedAsTheServerDid()
            throws Exception {
        HttpResponse<String> queued = calls.form("POST", QUEUE, "value=d");
        assertEquals(201, queued.statusCode(), queued.body() + "\n" + files.text("twin.yaml"));
        JsonNode answer = JSON.readTree(queued.body());
        assertEquals("create", answer.path("action").asText(), queued.body());
        JsonNode node = answer.path("node");
        assertTrue(node.path("key").asText().matches("/q/\\d{20}"), queued.body());
        assertEquals("d", node.path("value").asText(), queued.body());
        assertFalse(node.has("id"), queued.body());
        long index = Long.parseLong(queued.headers().firstValue("X-Index").orElse("0"));
        assertEquals(index, node.path("createdIndex").asLong(), queued.body());
        assertEquals(index, node.path("modifiedIndex").asLong(), queued.body());

        HttpResponse<String> read = calls.json("GET", "/v2/keys" + node.path("key").asText(), null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("get", JSON.readTree(read.body()).path("action").asText(), read.body());
        assertEquals(node, JSON.readTree(read.body()).path("node"), read.body());

        HttpResponse<String> deleted = calls.json("DELETE", "/v2/keys" + node.path("key").asText(), null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        JsonNode tombstone = JSON.readTree(deleted.body()).path("node");
        assertEquals("delete", JSON.readTree(deleted.body()).path("action").asText(), deleted.body());
        assertEquals(node.path("key"), tombstone.path("key"), deleted.body());
        assertFalse(tombstone.has("value"), deleted.body());
        assertEquals(index, tombstone.path("createdIndex").asLong(), deleted.body());
        assertEquals(index + 1, tombstone.path("modifiedIndex").asLong(), deleted.body());
        assertEquals(Long.toString(index + 1), deleted.headers().firstValue("X-Index").orElse(""));
        assertEquals(node, JSON.readTree(deleted.body()).path("prevNode"), deleted.body());
        assertEquals(404, calls.json("GET", "/v2/keys" + node.path("key").asText(), null).statusCode());
    }
}
