package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-registry's Registry HTTP API v2 through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusDockerRegistryTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new DockerRegistryApi();
    }

    @Test
    void givenTheRegistry_whenAnUploadStarts_thenItAnswers202WithTheUploadLocation() {
        Step started = recordedStep("start-upload-layer");

        assertEquals(202, started.status());
        assertTrue(started.header("Location").startsWith("{base}/v2/shop/web/blobs/uploads/"),
                started.header("Location"));
    }

    @Test
    void givenTheRegistry_whenTheCatalogIsPagedByOne_thenTheFirstPageLinksToTheNext() {
        Step first = recordedStep("catalog-page-1");

        assertEquals("shop/api", first.json().path("repositories").path(0).asText());
        assertEquals("</v2/_catalog?last=shop%2Fapi&n=1>; rel=\"next\"", first.header("Link"));
    }

    @Test
    void givenTheRegistry_whenAnUnknownManifestIsRead_thenItAnswers404ManifestUnknown() {
        Step unknown = recordedStep("read-unknown-manifest");

        assertEquals(404, unknown.status());
        assertEquals("MANIFEST_UNKNOWN", unknown.json().path("errors").path(0).path("code").asText());
    }
}
