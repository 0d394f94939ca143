package dev.twin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A registry-shaped API whose 404 bodies are a list of errors with a code of their own per resource and the id
 * asked for in {@code detail} (a string for blobs, an object for manifests): each missing item must be answered
 * as its resource answers, naming the id this request asked for.
 */
class ResourceNotFoundBodiesInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:5000");
        t.json("GET", "/v2/shop/manifests/1.0", null, 200, "{\"schemaVersion\":2,\"tag\":\"1.0\"}");
        t.json("GET", "/v2/shop/manifests/9.9", null, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\","
                + "\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"9.9\"}}]}");
        t.json("GET", "/v2/shop/manifests/2.0", null, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\","
                + "\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"2.0\"}}]}");
        for (String blob : new String[] {"sha256:aa", "sha256:bb", "sha256:cc"}) {
            t.json("GET", "/v2/shop/blobs/" + blob, null, 200, "{\"architecture\":\"amd64\",\"id\":\"" + blob + "\"}");
        }
        t.json("GET", "/v2/shop/blobs/sha256:zz", null, 404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\","
                + "\"message\":\"blob unknown to registry\",\"detail\":\"sha256:zz\"}]}");
        return t;
    }

    @Test
    void givenEachResourcesOwn404Body_whenAnItemIsMissing_thenItsResourcesBodyNamesTheIdAskedFor() throws Exception {
        HttpResponse<String> blob = calls.json("GET", "/v2/shop/blobs/sha256:c0ffee", null);
        assertEquals(404, blob.statusCode());
        assertEquals(JSON.readTree("{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\","
                + "\"detail\":\"sha256:c0ffee\"}]}"), JSON.readTree(blob.body()), files.text("twin.yaml"));
        HttpResponse<String> manifest = calls.json("GET", "/v2/shop/manifests/3.1", null);
        assertEquals(404, manifest.statusCode());
        assertEquals(JSON.readTree("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\","
                + "\"detail\":{\"Tag\":\"3.1\"}}]}"), JSON.readTree(manifest.body()), files.text("twin.yaml"));
    }
}
