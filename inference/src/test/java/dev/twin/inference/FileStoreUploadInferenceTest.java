package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up file store with resumable uploads: an upload is opened in headers only, fed chunks by PATCH
 * ({@code text/plain}, each answered with the upload's URL in {@code Location}), finished by a PUT naming the file ({@code ?name=report-q3.txt}), and the file is then read
 * under that name at another path ({@code /files/objects/{object}}) as the chunks appended, with their MD5 as
 * ETag; a finish naming a wrong SHA-256 of the bytes ({@code &checksum=}) is refused. The twin must make the
 * file when the upload finishes, keyed by the name the client sent, holding the bytes of every chunk.
 */
class FileStoreUploadInferenceTest extends ServedRecordingTest {
    private static final String HOST = "files.example.test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    Traffic recording() {
        Traffic t = new Traffic(HOST);
        String[][] uploads = {
                {"6f1c2a8e-5b7d-4c3e-9a1f-0e2d3c4b5a69", "report-q3.txt", "Quarterly ", "report\n", ""},
                {"a2b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d", "notes-01.txt", null, null, "notes\n"},
                {"0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a", "todo-02.txt", "buy ", null, "milk\n"}};
        for (String[] upload : uploads) {
            String path = "/files/uploads/" + upload[0];
            t.json("POST", "/files/uploads", null, 202, null, List.of(new Header("Location", "https://" + HOST + path)));
            for (String chunk : new String[] {upload[2], upload[3]}) {
                if (chunk != null) {
                    t.add("PATCH", path, "text/plain", chunk, 202, null,
                            List.of(new Header("Location", "https://" + HOST + path + "?offset=" + chunk.length())));
                }
            }
            String whole = (upload[2] == null ? "" : upload[2]) + (upload[3] == null ? "" : upload[3]) + upload[4];
            t.add("PUT", path + "?name=" + upload[1] + "&checksum=sha256:" + hex("SHA-256", whole),
                    upload[4].isEmpty() ? null : "text/plain", upload[4].isEmpty() ? null : upload[4], 201, null);
        }
        String refused = "/files/uploads/4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f";
        t.json("POST", "/files/uploads", null, 202, null, List.of(new Header("Location", "https://" + HOST + refused)));
        t.add("PUT", refused + "?name=bad-06.txt&checksum=sha256:" + hex("SHA-256", "other"), "text/plain", "oops\n",
                400, "{\"error\":\"checksum mismatch\"}");
        for (String[] file : new String[][] {{"report-q3.txt", "Quarterly report\n"}, {"notes-01.txt", "notes\n"},
                {"todo-02.txt", "buy milk\n"}}) {
            t.raw("GET", "/files/objects/" + file[0], 200, "text/plain", file[1],
                    List.of(new Header("ETag", "\"" + md5(file[1]) + "\"")));
        }
        t.json("GET", "/files/objects/missing-03.txt", null, 404, "{\"error\":\"no such object\"}");
        return t;
    }

    @Test
    void givenAFinishedUpload_whenTheFileIsRead_thenItHoldsTheChunksAppended() throws Exception {
        HttpResponse<String> opened = calls.json("POST", "/files/uploads", null);
        assertEquals(202, opened.statusCode(), opened.body());
        String location = opened.headers().firstValue("Location").orElseThrow();
        String upload = location.substring(location.indexOf("/files/uploads/"));
        HttpResponse<String> chunk = send("PATCH", upload, "alpha ");
        assertEquals(202, chunk.statusCode());
        assertEquals(location, chunk.headers().firstValue("Location").orElse(""), "each chunk names its upload");
        assertEquals(202, send("PATCH", upload, "beta ").statusCode());
        assertEquals(201, send("PUT", upload + "?name=greek-04.txt", "gamma\n").statusCode());

        HttpResponse<String> file = calls.json("GET", "/files/objects/greek-04.txt", null);
        assertEquals(200, file.statusCode(), file.body());
        assertEquals("alpha beta gamma\n", file.body());
        assertEquals("text/plain", file.headers().firstValue("Content-Type").orElse(""));
        assertEquals("\"" + md5("alpha beta gamma\n") + "\"", file.headers().firstValue("ETag").orElse(""));
        assertEquals(404, calls.json("GET", "/files/objects/never-05.txt", null).statusCode());
    }

    @Test
    void givenAWrongChecksum_whenTheTwinFinishes_thenItRefusesAsTheApiDidAndMakesNoFile() throws Exception {
        String location = calls.json("POST", "/files/uploads", null).headers().firstValue("Location").orElseThrow();
        String upload = location.substring(location.indexOf("/files/uploads/"));
        HttpResponse<String> wrong = send("PUT", upload + "?name=wrong-07.txt&checksum=sha256:" + hex("SHA-256", "x"),
                "delta\n");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals("{\"error\":\"checksum mismatch\"}", wrong.body().strip());
        assertEquals(404, calls.json("GET", "/files/objects/wrong-07.txt", null).statusCode());
        assertEquals(201, send("PUT", upload + "?name=right-08.txt&checksum=sha256:" + hex("SHA-256", "delta\n"),
                "delta\n").statusCode());
        assertEquals("delta\n", calls.json("GET", "/files/objects/right-08.txt", null).body());
    }

    @Test
    void givenTheInferredFiles_whenRead_thenTheLinkAndItsEvidenceAreWritten() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("copyTo:") && yaml.contains("idParam: name"), yaml);
        assertTrue(yaml.contains("append: true") && yaml.contains("mediaType: text/plain"), yaml);
        String report = files.text("inference-report.md");
        assertTrue(report.contains("update.copyTo"), report);
        assertTrue(yaml.contains("checksum:") && yaml.contains("param: checksum"), yaml);
    }

    private static String md5(String text) {
        return hex("MD5", text);
    }

    private static String hex(String algorithm, String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String text) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + path))
                .header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString(text))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
