package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents with a revision the server advances on every write and checks on the next (CouchDB's {@code _rev}):
 * writes answer an acknowledgement {@code {ok, id, rev}}, a stale revision is refused with 409. The twin stamps,
 * advances and checks revisions the same way.
 */
class RevisionInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFLICT = "{\"error\":\"conflict\",\"reason\":\"Document update conflict\"}";

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:5984");
        t.json("PUT", "/books/novel-dune", "{\"title\":\"Dune\"}", 201,
                "{\"ok\":true,\"id\":\"novel-dune\",\"rev\":\"1-ded8a6926d330d165fb8a605a63710ec\"}");
        t.json("PUT", "/books/novel-emma", "{\"title\":\"Emma\"}", 201,
                "{\"ok\":true,\"id\":\"novel-emma\",\"rev\":\"1-f3088262ddc4558f9fedb2c5b5f5f54b\"}");
        t.json("GET", "/books/novel-dune", null, 200,
                "{\"title\":\"Dune\",\"_id\":\"novel-dune\",\"_rev\":\"1-ded8a6926d330d165fb8a605a63710ec\"}");
        t.json("PUT", "/books/novel-dune",
                "{\"title\":\"Dune\",\"edition\":2,\"_rev\":\"1-ded8a6926d330d165fb8a605a63710ec\"}", 201,
                "{\"ok\":true,\"id\":\"novel-dune\",\"rev\":\"2-2c92cc362880cd2f6d75b2f55b0008c8\"}");
        t.json("PUT", "/books/novel-dune",
                "{\"title\":\"Dune\",\"_rev\":\"1-ded8a6926d330d165fb8a605a63710ec\"}", 409, CONFLICT);
        t.json("GET", "/books/novel-dune", null, 200, "{\"title\":\"Dune\",\"edition\":2,\"_id\":\"novel-dune\","
                + "\"_rev\":\"2-2c92cc362880cd2f6d75b2f55b0008c8\"}");
        t.json("PUT", "/books/novel-emma", "{\"title\":\"Emma\"}", 409, CONFLICT);
        t.json("DELETE", "/books/novel-emma?rev=1-f3088262ddc4558f9fedb2c5b5f5f54b", null, 200,
                "{\"ok\":true,\"id\":\"novel-emma\",\"rev\":\"2-0aad685600b8d540c391e817be39fb49\"}");
        t.json("GET", "/books/novel-emma", null, 404, "{\"error\":\"not_found\",\"reason\":\"missing\"}");
        t.json("GET", "/books/novel-nope", null, 404, "{\"error\":\"not_found\",\"reason\":\"missing\"}");
        return t;
    }

    @Test
    void givenANewDocument_whenPut_thenTheAcknowledgementNamesItsFirstRevision() throws Exception {
        JsonNode ack = JSON.readTree(calls.json("PUT", "/books/novel-ulysses", "{\"title\":\"Ulysses\"}").body());
        assertEquals("novel-ulysses", ack.path("id").asText(), ack.toString());
        assertTrue(ack.path("rev").asText().matches("1-[0-9a-f]{32}"), ack.toString());
        JsonNode doc = JSON.readTree(calls.json("GET", "/books/novel-ulysses", null).body());
        assertEquals(ack.path("rev"), doc.path("_rev"), doc.toString());
    }

    @Test
    void givenTheCurrentRevision_whenUpdated_thenTheRevisionAdvances() throws Exception {
        String first = JSON.readTree(calls.json("PUT", "/books/novel-a", "{\"title\":\"A\"}").body()).path("rev")
                .asText();
        HttpResponse<String> update = calls.json("PUT", "/books/novel-a",
                "{\"title\":\"A\",\"_rev\":\"" + first + "\"}");
        assertEquals(201, update.statusCode(), update.body());
        String second = JSON.readTree(update.body()).path("rev").asText();
        assertTrue(second.startsWith("2-"), second);
        assertNotEquals(first.substring(2), second.substring(2));
    }

    @Test
    void givenAStaleOrMissingRevision_whenUpdated_thenTheTwinAnswersTheConflict() throws Exception {
        String first = JSON.readTree(calls.json("PUT", "/books/novel-b", "{\"title\":\"B\"}").body()).path("rev")
                .asText();
        calls.json("PUT", "/books/novel-b", "{\"title\":\"B\",\"_rev\":\"" + first + "\"}");
        HttpResponse<String> stale = calls.json("PUT", "/books/novel-b", "{\"title\":\"B\",\"_rev\":\"" + first + "\"}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals(JSON.readTree(CONFLICT), JSON.readTree(stale.body()));
        assertEquals(409, calls.json("PUT", "/books/novel-b", "{\"title\":\"B\"}").statusCode());
    }

    @Test
    void givenTheRevisionInTheQuery_whenDeleted_thenTheAnswerNamesTheDeletionsRevision() throws Exception {
        String first = JSON.readTree(calls.json("PUT", "/books/novel-c", "{\"title\":\"C\"}").body()).path("rev")
                .asText();
        assertEquals(409, calls.json("DELETE", "/books/novel-c?rev=1-00000000000000000000000000000000", null)
                .statusCode());
        HttpResponse<String> deleted = calls.json("DELETE", "/books/novel-c?rev=" + first, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(JSON.readTree(deleted.body()).path("rev").asText().startsWith("2-"), deleted.body());
        HttpResponse<String> gone = calls.json("GET", "/books/novel-c", null);
        assertEquals(404, gone.statusCode());
        assertEquals("missing", JSON.readTree(gone.body()).path("reason").asText(), gone.body());
    }

    @Test
    void givenTheEvidence_whenReported_thenTheReportSaysWhyRevisionsAreEnforced() throws Exception {
        String report = files.text("inference-report.md");
        assertTrue(report.contains("revision: every row held '_rev'"), report);
        assertTrue(report.contains("writes were refused with 409"), report);
    }
}
