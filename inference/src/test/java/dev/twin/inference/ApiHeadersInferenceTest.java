package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A header the API sent with one value on every answer is sent by the twin on every API answer too. */
class ApiHeadersInferenceTest extends ServedRecordingTest {

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:5000");
        List<Header> headers = List.of(new Header("Docker-Distribution-Api-Version", "registry/2.0"));
        t.json("GET", "/v2/", null, 200, "{}", headers);
        t.json("POST", "/v2/repos", "{\"name\":\"web\"}", 201, "{\"id\":1,\"name\":\"web\"}", headers);
        t.json("GET", "/v2/repos/1", null, 200, "{\"id\":1,\"name\":\"web\"}", List.of(
                new Header("Docker-Distribution-Api-Version", "registry/2.0"), new Header("Date", "Sun, 06 Dec 2026")));
        t.json("GET", "/v2/repos/7", null, 404, "{\"errors\":[]}", headers);
        return t;
    }

    @Test
    void givenAHeaderOnEveryRecordedAnswer_whenTheTwinAnswers_thenItCarriesItOnTableAndErrorAnswersAlike()
            throws Exception {
        HttpResponse<String> created = calls.json("POST", "/v2/repos", "{\"name\":\"api\"}");
        assertEquals("registry/2.0", created.headers().firstValue("Docker-Distribution-Api-Version").orElse(""));
        HttpResponse<String> missing = calls.json("GET", "/v2/repos/999", null);
        assertEquals(404, missing.statusCode());
        assertEquals("registry/2.0", missing.headers().firstValue("Docker-Distribution-Api-Version").orElse(""));
        assertTrue(files.text("twin.yaml").contains("Docker-Distribution-Api-Version: registry/2.0"),
                files.text("twin.yaml"));
        assertTrue(!files.text("twin.yaml").contains("Date:"), files.text("twin.yaml"));
    }

    @Test
    void givenTheAdminApi_whenAsked_thenItDoesNotWearTheApisHeaders() throws Exception {
        HttpResponse<String> health = calls.json("GET", "/__twin/health", null);
        assertEquals(200, health.statusCode());
        assertTrue(health.headers().firstValue("Docker-Distribution-Api-Version").isEmpty());
    }
}
