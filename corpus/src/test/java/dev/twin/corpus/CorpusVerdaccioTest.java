package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** verdaccio's npm registry API through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusVerdaccioTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new VerdaccioApi();
    }

    @Test
    void givenVerdaccio_whenAPackageIsPublished_thenItsPackumentListsTheVersionWithATarballOnThisRegistry() {
        Step packument = recordedStep("read-hello");

        assertEquals("1.0.0", packument.json().path("dist-tags").path("latest").asText());
        assertEquals("{base}/corpus-hello/-/corpus-hello-1.0.0.tgz",
                packument.json().path("versions").path("1.0.0").path("dist").path("tarball").asText());
    }

    @Test
    void givenVerdaccio_whenAPublishedVersionIsPublishedAgain_thenItAnswers409() {
        assertEquals(409, recordedStep("publish-hello-1.1.0-again").status());
    }

    @Test
    void givenVerdaccio_whenAnUnpublishedVersionIsRead_thenItAnswers404() {
        assertEquals(404, recordedStep("read-unpublished-version").status());
    }
}
