package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** FastAPI 0.92 through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusFastApiTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new FastApiApi();
    }

    @Test
    void givenFastApi_whenARequiredFieldIsMissing_thenPydanticNamesItsLocation() {
        Step refused = recordedStep("create-note-without-title");

        assertEquals(422, refused.status());
        assertEquals("title", refused.json().path("detail").path(0).path("loc").path(1).asText());
    }
}
