package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Django REST framework 3.14 through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusDjangoRestTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new DjangoRestApi();
    }

    @Test
    void givenDjangoRest_whenARequiredFieldIsMissing_thenTheRefusalNamesTheFieldWithItsMessages() {
        Step refused = recordedStep("create-book-without-title");

        assertEquals(400, refused.status());
        assertEquals("This field is required.", refused.json().path("title").path(0).asText());
    }

    @Test
    void givenDjangoRest_whenABookIsPut_thenTheFieldsNotSentKeepTheirValues() {
        assertEquals("essay", recordedStep("read-put-book-2").json().path("genre").asText());
    }
}
