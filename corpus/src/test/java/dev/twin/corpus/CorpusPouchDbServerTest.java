package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pouchdb-server's CouchDB API through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusPouchDbServerTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new PouchDbServerApi();
    }

    @Test
    void givenADocument_whenUpdatedWithAStaleRev_thenItAnswers409Conflict() {
        Step stale = recordedStep("update-book-dune-stale-rev");

        assertEquals(409, stale.status());
        assertEquals("conflict", stale.json().path("error").asText(), stale.body());
    }

    @Test
    void givenAPostedDocument_whenCreated_thenTheServerMintedItsIdAndAFirstRevision() {
        Step posted = recordedStep("post-book-beloved");

        assertEquals(201, posted.status());
        assertTrue(posted.json().path("rev").asText().startsWith("1-"), posted.body());
        assertEquals("{base}/books/" + posted.json().path("id").asText(), posted.header("Location"));
    }

    @Test
    void givenADeletedDocument_whenRead_thenItAnswers404NotFoundWithAReason() {
        Step deleted = recordedStep("get-deleted-book-emma");

        assertEquals(404, deleted.status());
        assertEquals("not_found", deleted.json().path("error").asText(), deleted.body());
        // CouchDB says "deleted"; pouchdb-server 4.2.0 over its memory adapter says "missing"
        assertEquals("missing", deleted.json().path("reason").asText(), deleted.body());
    }

    @Test
    void givenAllDocs_whenPagedWithLimitAndSkip_thenItCountsAllRowsAndAnswersThePage() {
        Step page = recordedStep("all-docs-limit-2-skip-1");

        assertEquals(4, page.json().path("total_rows").asInt(), page.body());
        assertEquals(1, page.json().path("offset").asInt());
        assertEquals(2, page.json().path("rows").size());
    }
}
