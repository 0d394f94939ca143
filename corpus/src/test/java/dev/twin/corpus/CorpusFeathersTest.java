package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Feathers 5 (koa, in-memory adapter) through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusFeathersTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new FeathersApi();
    }

    @Test
    void givenFeathers_whenTasksArePaged_thenTheEnvelopeEchoesLimitSkipAndTheTotal() {
        Step page = recordedStep("list-page-2");

        assertEquals(3, page.json().path("total").asInt());
        assertEquals(2, page.json().path("limit").asInt());
        assertEquals(2, page.json().path("skip").asInt());
        assertEquals(1, page.json().path("data").size());
    }

    @Test
    void givenFeathers_whenATaskIsReplaced_thenTheDefaultsTheCreateAddedAreGone() {
        Step replaced = recordedStep("read-replaced-task-2");

        assertEquals("fix the invoice totals (again)", replaced.json().path("title").asText());
        assertEquals(false, replaced.json().has("priority"));
        assertEquals(false, replaced.json().has("done"));
    }
}
