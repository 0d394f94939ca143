package dev.twin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up artifact store, nothing like a Docker registry in its names: packages are PUT under a name and version the
 * client chooses and read back without any id field (the name lives only in the path), and also under the SHA-256 of
 * the bytes PUT ({@code /api/packages/sha256:<hex>}, content addressing); uploads are opened in headers
 * only and fed by PATCH answered {@code 204} with no body. The twin must answer both the same way: no {@code id}
 * added to a package, no row echoed to a chunk.
 */
class ArtifactStoreInferenceTest extends ServedRecordingTest {
    private static final String HOST = "artifacts.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic(HOST);
        for (String[] pkg : List.of(new String[] {"left-pad", "1.3.0", "MIT"},
                new String[] {"is-odd", "3.0.1", "ISC"}, new String[] {"chalk", "5.3.0", "MIT"})) {
            String body = "{\"version\":\"" + pkg[1] + "\",\"license\":\"" + pkg[2] + "\"}";
            t.json("PUT", "/api/packages/" + pkg[0] + "-" + pkg[1], body, 201, null);
            t.json("GET", "/api/packages/" + pkg[0] + "-" + pkg[1], null, 200, body);
            t.json("GET", "/api/packages/sha256:" + Sha256.hex(body), null, 200, body);
        }
        t.json("GET", "/api/packages/nope-0.0.1", null, 404, "{\"error\":\"no such package\"}");
        for (String id : List.of("5b3f8a52-7f40-4b8e-9f0e-3d3f4c9b1a01", "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a")) {
            t.json("POST", "/api/uploads", null, 202, null,
                    List.of(new Header("Location", "https://" + HOST + "/api/uploads/" + id)));
            t.json("PATCH", "/api/uploads/" + id, "{\"received\":1024}", 204, null);
        }
        return t;
    }

    @Test
    void givenPackagesReadWithoutAnId_whenTheTwinStoresOne_thenItsAnswerHasNoIdField() throws Exception {
        HttpResponse<String> put = calls.json("PUT", "/api/packages/ansi-styles-6.2.1",
                "{\"version\":\"6.2.1\",\"license\":\"MIT\"}");
        assertEquals(201, put.statusCode(), put.body());

        HttpResponse<String> read = calls.json("GET", "/api/packages/ansi-styles-6.2.1", null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(JSON.readTree("{\"version\":\"6.2.1\",\"license\":\"MIT\"}"), JSON.readTree(read.body()));
        assertEquals(404, calls.json("GET", "/api/packages/never-put-1.0.0", null).statusCode());
    }

    @Test
    void givenPackagesReadByTheDigestOfTheirBody_whenTheTwinStoresOne_thenItIsReadUnderBothIds() throws Exception {
        String body = "{\"version\":\"2.0.0\",\"license\":\"MIT\"}";
        assertEquals(201, calls.json("PUT", "/api/packages/has-flag-2.0.0", body).statusCode());
        HttpResponse<String> byDigest = calls.json("GET", "/api/packages/sha256:" + Sha256.hex(body), null);
        assertEquals(200, byDigest.statusCode(), byDigest.body());
        assertEquals(JSON.readTree(body), JSON.readTree(byDigest.body()));
        assertEquals(404, calls.json("GET", "/api/packages/sha256:" + Sha256.hex("{}"), null).statusCode());
    }

    @Test
    void givenChunksAnsweredWithoutABody_whenTheTwinTakesOne_thenItAnswersTheStatusAlone() throws Exception {
        HttpResponse<String> opened = calls.json("POST", "/api/uploads", null);
        assertEquals(202, opened.statusCode(), opened.body());
        String location = opened.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/uploads/"));

        HttpResponse<String> chunk = calls.json("PATCH", path, "{\"received\":2048}");
        assertEquals(204, chunk.statusCode(), chunk.body());
        assertEquals("", chunk.body());
        assertTrue(chunk.headers().firstValue("Content-Type").isEmpty(), chunk.headers().toString());
        assertEquals(404, calls.json("PATCH", "/api/uploads/5b3f8a52-0000-4b8e-9f0e-3d3f4c9b1a01",
                "{\"received\":1}").statusCode());
    }

    @Test
    void givenTheInferredFiles_whenRead_thenTheYamlAndReportSayWhy() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("hide:"), yaml);
        assertTrue(yaml.contains("patch:"), yaml);
        String report = files.text("inference-report.md");
        assertTrue(report.contains("the id lives only in the item path"), report);
        assertTrue(report.contains("patch.emptyBody"), report);
        assertTrue(yaml.contains("alias: \"sha256:{{sha256}}\"") || yaml.contains("alias: 'sha256:{{sha256}}'"), yaml);
    }
}
