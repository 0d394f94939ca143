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
 * under that name at another path ({@code /files/objects/{object}}) as the chunks appended. The twin must make the
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
            t.add("PUT", path + "?name=" + upload[1], upload[4].isEmpty() ? null : "text/plain",
                    upload[4].isEmpty() ? null : upload[4], 201, null);
        }
        t.raw("GET", "/files/objects/report-q3.txt", 200, "text/plain", "Quarterly report\n");
        t.raw("GET", "/files/objects/notes-01.txt", 200, "text/plain", "notes\n");
        t.raw("GET", "/files/objects/todo-02.txt", 200, "text/plain", "buy milk\n");
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
        assertEquals(404, calls.json("GET", "/files/objects/never-05.txt", null).statusCode());
    }

    @Test
    void givenTheInferredFiles_whenRead_thenTheLinkAndItsEvidenceAreWritten() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("copyTo:") && yaml.contains("idParam: name"), yaml);
        assertTrue(yaml.contains("append: true") && yaml.contains("mediaType: text/plain"), yaml);
        String report = files.text("inference-report.md");
        assertTrue(report.contains("update.copyTo"), report);
    }

    private HttpResponse<String> send(String method, String path, String text) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + path))
                .header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString(text))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
