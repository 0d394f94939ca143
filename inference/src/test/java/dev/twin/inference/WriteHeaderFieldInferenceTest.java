package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write whose answer names a field of the row in a header, as CouchDB's document PUT answers
 * {@code ETag: "<the new revision>"} beside {@code {ok, id, rev}}: the twin's PUT answers the revision it stamped
 * there, quoted the same way.
 */
class WriteHeaderFieldInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFLICT = "{\"error\":\"conflict\",\"reason\":\"Document update conflict\"}";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:5984");
        put(t, "/books/novel-dune", "{\"title\":\"Dune\"}", "novel-dune", "1-ded8a6926d330d165fb8a605a63710ec");
        put(t, "/books/novel-emma", "{\"title\":\"Emma\"}", "novel-emma", "1-f3088262ddc4558f9fedb2c5b5f5f54b");
        t.json("GET", "/books/novel-dune", null, 200,
                "{\"title\":\"Dune\",\"_id\":\"novel-dune\",\"_rev\":\"1-ded8a6926d330d165fb8a605a63710ec\"}");
        put(t, "/books/novel-dune", "{\"title\":\"Dune\",\"edition\":2,\"_rev\":\"1-ded8a6926d330d165fb8a605a63710ec\"}",
                "novel-dune", "2-2c92cc362880cd2f6d75b2f55b0008c8");
        t.json("PUT", "/books/novel-dune",
                "{\"title\":\"Dune\",\"_rev\":\"1-ded8a6926d330d165fb8a605a63710ec\"}", 409, CONFLICT);
        t.json("GET", "/books/novel-dune", null, 200, "{\"title\":\"Dune\",\"edition\":2,\"_id\":\"novel-dune\","
                + "\"_rev\":\"2-2c92cc362880cd2f6d75b2f55b0008c8\"}");
        t.json("GET", "/books/novel-nope", null, 404, "{\"error\":\"not_found\",\"reason\":\"missing\"}");
        return t;
    }

    private static void put(Traffic t, String path, String body, String id, String rev) {
        t.json("PUT", path, body, 201, "{\"ok\":true,\"id\":\"" + id + "\",\"rev\":\"" + rev + "\"}",
                List.of(new Header("ETag", "\"" + rev + "\""), new Header("Location", "http://127.0.0.1:5984" + path)));
    }

    @Test
    void givenWritesAnsweringTheirRevisionAsETag_whenTheTwinWrites_thenItsETagIsTheRevisionItStamped()
            throws Exception {
        HttpResponse<String> created = calls.json("PUT", "/books/novel-ulysses", "{\"title\":\"Ulysses\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode ack = JSON.readTree(created.body());
        assertTrue(ack.path("rev").asText().startsWith("1-"), ack.toString());
        assertEquals("\"" + ack.path("rev").asText() + "\"", created.headers().firstValue("ETag").orElse(""),
                files.text("twin.yaml"));

        HttpResponse<String> updated = calls.json("PUT", "/books/novel-ulysses",
                "{\"title\":\"Ulysses\",\"_rev\":\"" + ack.path("rev").asText() + "\"}");
        String second = JSON.readTree(updated.body()).path("rev").asText();
        assertTrue(second.startsWith("2-"), updated.body());
        assertEquals("\"" + second + "\"", updated.headers().firstValue("ETag").orElse(""));
    }
}
