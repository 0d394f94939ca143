package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A storage service whose buckets are created by {@code POST /buckets} naming the bucket in the body, answered 200
 * with no body, and replaced by a PUT answered 200 with no body either. The buckets the recording created are no
 * seeds (creating them again is no conflict), the read after each create shows what the server filled in, a
 * PUT stays without a body, and a missing bucket is refused in plain text as the service did.
 */
class ClientNamedCreateInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("GET", "/buckets", null, 200, "[]");
        t.json("POST", "/buckets", "{\"name\":\"logs\",\"region\":\"eu\"}", 200, null);
        t.json("GET", "/buckets/logs", null, 200,
                "{\"name\":\"logs\",\"region\":\"eu\",\"tier\":\"standard\",\"versioning\":false}");
        t.json("POST", "/buckets", "{\"name\":\"media\"}", 200, null);
        t.json("GET", "/buckets/media", null, 200,
                "{\"name\":\"media\",\"region\":\"us\",\"tier\":\"standard\",\"versioning\":false}");
        t.json("PUT", "/buckets/logs", "{\"name\":\"logs\",\"region\":\"eu\",\"tier\":\"cold\"}", 200, null);
        t.json("GET", "/buckets/logs", null, 200,
                "{\"name\":\"logs\",\"region\":\"eu\",\"tier\":\"cold\",\"versioning\":false}");
        t.raw("GET", "/buckets/nope", 404, "text/plain; charset=utf-8", "no bucket named nope\n", List.of());
        t.json("GET", "/buckets", null, 200,
                "[{\"name\":\"logs\",\"region\":\"eu\",\"tier\":\"cold\",\"versioning\":false},"
                        + "{\"name\":\"media\",\"region\":\"us\",\"tier\":\"standard\",\"versioning\":false}]");
        return t;
    }

    @Test
    void givenBucketsTheRecordingCreated_whenTheTwinStarts_thenNoneIsSeededAndCreatingOneAgainSucceeds()
            throws Exception {
        assertEquals("[]", calls.json("GET", "/buckets", null).body().replaceAll("\\s", ""),
                files.text("inference-report.md"));
        HttpResponse<String> created = calls.json("POST", "/buckets", "{\"name\":\"media\"}");
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().isEmpty(), created.body());
    }

    @Test
    void givenTheReadAfterACreate_whenABucketIsCreatedWithoutSettings_thenTheServersDefaultsAreFilledIn()
            throws Exception {
        calls.json("POST", "/buckets", "{\"name\":\"backups\"}");
        JsonNode backups = JSON.readTree(calls.json("GET", "/buckets/backups", null).body());
        assertEquals("us", backups.path("region").asText(), backups + "\n" + files.text("twin.yaml"));
        assertEquals("standard", backups.path("tier").asText(), backups.toString());
        assertEquals(false, backups.path("versioning").asBoolean(true), backups.toString());
    }

    @Test
    void givenPutsAnsweredWithoutABody_whenABucketIsReplaced_thenTheTwinAnswersNoBodyEither() throws Exception {
        calls.json("POST", "/buckets", "{\"name\":\"archive\",\"region\":\"eu\"}");
        HttpResponse<String> replaced = calls.json("PUT", "/buckets/archive",
                "{\"name\":\"archive\",\"region\":\"eu\",\"tier\":\"cold\"}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().isEmpty(), replaced.body() + "\n" + files.text("twin.yaml"));
    }

    @Test
    void givenAPlainText404_whenAMissingBucketIsRead_thenTheTwinAnswersThatTextNamingIt() throws Exception {
        HttpResponse<String> missing = calls.json("GET", "/buckets/attic", null);
        assertEquals(404, missing.statusCode());
        assertEquals("no bucket named attic\n", missing.body(), files.text("twin.yaml"));
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                missing.headers().map().toString());
    }
}
