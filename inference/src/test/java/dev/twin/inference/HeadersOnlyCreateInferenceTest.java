package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A create the API announces in headers only, as a Docker registry opens an upload: 202, no body, the new upload's
 * URL in {@code Location} (with a signed state the client passes back), its id again in {@code Docker-Upload-UUID}
 * and {@code Range: 0-0}. The twin must answer the same way, so a client that follows {@code Location} reaches the
 * row the twin made.
 */
class HeadersOnlyCreateInferenceTest extends ServedRecordingTest {
    private static final String HOST = "127.0.0.1:5000";
    private static final String UPLOADS = "/v2/shop/web/blobs/uploads/";

    @Override
    Traffic recording() {
        Traffic t = new Traffic(HOST);
        Header api = new Header("Docker-Distribution-Api-Version", "registry/2.0");
        t.json("GET", "/v2/", null, 200, "{}", List.of(api));
        for (String[] upload : List.of(new String[] {"9f14b5cc-fe49-4e21-9137-e27f90a32fed", "c5b1"},
                new String[] {"210b115f-1d99-4451-bc4a-98534b665a8f", "da03"},
                new String[] {"34db2e4d-ec3e-4d6f-bb67-7a88abe0ba84", "a3ea"})) {
            String id = upload[0];
            String digest = "sha256:" + upload[1];
            t.json("POST", UPLOADS, null, 202, null, List.of(api, new Header("Docker-Upload-Uuid", id),
                    new Header("Location", "http://" + HOST + UPLOADS + id + "?_state=s" + upload[1]),
                    new Header("Range", "0-0"), new Header("Content-Length", "0")));
            t.json("PATCH", UPLOADS + id + "?_state=s" + upload[1], null, 202, null, List.of(api,
                    new Header("Docker-Upload-Uuid", id), new Header("Range", "0-26"),
                    new Header("Location", "http://" + HOST + UPLOADS + id + "?_state=t" + upload[1])));
            t.json("PUT", UPLOADS + id + "?_state=t" + upload[1] + "&digest=" + digest, null, 201, null,
                    List.of(api, new Header("Docker-Content-Digest", digest),
                            new Header("Location", "http://" + HOST + "/v2/shop/web/blobs/" + digest)));
        }
        return t;
    }

    @Test
    void givenCreatesAnsweredInHeaders_whenTheTwinCreates_thenNoBodyAndTheHeadersNameTheNewRow() throws Exception {
        HttpResponse<String> created = calls.json("POST", UPLOADS, null);
        assertEquals(202, created.statusCode(), created.body());
        assertEquals("", created.body());
        String location = created.headers().firstValue("Location").orElse("");
        String prefix = "http://127.0.0.1:" + twin.port() + UPLOADS;
        assertTrue(location.startsWith(prefix), location);
        String id = location.substring(prefix.length());
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        assertEquals(id, created.headers().firstValue("Docker-Upload-Uuid").orElse(""));
        assertEquals("0-0", created.headers().firstValue("Range").orElse(""));
        assertEquals("registry/2.0", created.headers().firstValue("Docker-Distribution-Api-Version").orElse(""));
        assertTrue(created.headers().firstValue("Content-Type").isEmpty(), created.headers().toString());

        HttpResponse<String> chunk = calls.json("PATCH", UPLOADS + id, null);
        assertEquals(202, chunk.statusCode(), chunk.body());
    }

    @Test
    void givenTheInferredTwinYaml_whenRead_thenTheCreateAnswersHeadersAndTheServerWideOneOnlyOnce() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("emptyBody: true"), yaml);
        assertTrue(yaml.contains("Docker-Upload-Uuid: '{{item.id}}'") || yaml.contains(
                "Docker-Upload-Uuid: \"{{item.id}}\""), yaml);
        assertTrue(yaml.contains("Range: 0-0"), yaml);
        assertEquals(yaml.indexOf("Docker-Distribution-Api-Version"),
                yaml.lastIndexOf("Docker-Distribution-Api-Version"), yaml);
        assertFalse(yaml.contains("Range: 0-26"), yaml);
    }
}
