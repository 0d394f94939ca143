package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** json-server 0.17.4 through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusJsonServerTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new JsonServerApi();
    }

    @Test
    void givenJsonServer_whenAPostIsDeletedAndReadAgain_thenItAnswersEmptyObjectsWith200Then404() {
        assertEquals(200, recordedStep("delete-post-3").status());
        assertEquals("{}", recordedStep("delete-post-3").json().toString());
        assertEquals(404, recordedStep("read-deleted-post-3").status());
        assertEquals("{}", recordedStep("read-deleted-post-3").json().toString());
    }

    @Test
    void givenJsonServer_whenAPostIsReplaced_thenTheFieldsNotSentAreGone() {
        Step replaced = recordedStep("read-replaced-post-2");

        assertEquals("delta, replaced", replaced.json().path("title").asText());
        assertEquals(false, replaced.json().has("body"));
        assertEquals(false, replaced.json().has("userId"));
    }

    @Test
    void givenJsonServer_whenListedWithPaging_thenItCountsInXTotalCountAndLinksThePages() {
        Step page = recordedStep("list-page-1");

        assertEquals("6", page.header("X-Total-Count"));
        assertEquals(2, page.json().size());
        assertEquals(true, page.header("Link").contains("rel=\"next\""), page.header("Link"));
    }
}
