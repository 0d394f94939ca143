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
 * A made-up media store whose answers say in headers what they did: an upload is opened ({@code POST}), fed chunks
 * ({@code PATCH}, answered {@code 204} with {@code Upload-Offset: <bytes held so far>}) and finished by a PUT
 * naming the file and its checksum ({@code ?key=…&md5=…}), answered with {@code X-Checksum: <the md5 sent>} and the
 * stored file's URL in {@code Location} ({@code https://<host>/media/files/<key>}), where it is read. The twin must
 * answer those headers from the request it got and the bytes its upload holds, not the recording's values.
 */
class UploadAnswerHeadersInferenceTest extends ServedRecordingTest {
    private static final String HOST = "media.example.test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    Traffic recording() {
        Traffic t = new Traffic(HOST);
        String[][] uploads = {
                {"u-81f0c2d4e6a8", "cat-photo-1.txt", "meow ", "meow\n"},
                {"u-2b4d6f8a0c1e", "dog-photo-2.txt", "woof woof ", "woof\n"},
                {"u-9e7c5a3b1d0f", "owl-photo-3.txt", "hoot hoot hoot ", "hoot\n"}};
        for (String[] upload : uploads) {
            String path = "/media/uploads/" + upload[0];
            t.json("POST", "/media/uploads", null, 202, null,
                    List.of(new Header("Location", "https://" + HOST + path)));
            int held = 0;
            for (String chunk : new String[] {upload[2], upload[3]}) {
                held += chunk.length();
                t.add("PATCH", path, "text/plain", chunk, 204, null,
                        List.of(new Header("Upload-Offset", Integer.toString(held))));
            }
            String whole = upload[2] + upload[3];
            String md5 = hex("MD5", whole);
            t.add("PUT", path + "?key=" + upload[1] + "&md5=" + md5, null, null, 201, null,
                    List.of(new Header("X-Checksum", md5),
                            new Header("Location", "https://" + HOST + "/media/files/" + upload[1])));
        }
        for (String[] file : new String[][] {{"cat-photo-1.txt", "meow meow\n"}, {"dog-photo-2.txt", "woof woof woof\n"},
                {"owl-photo-3.txt", "hoot hoot hoot hoot\n"}}) {
            t.raw("GET", "/media/files/" + file[0], 200, "text/plain", file[1], List.of());
        }
        t.json("GET", "/media/files/missing.txt", null, 404, "{\"error\":\"no such file\"}");
        return t;
    }

    @Test
    void givenChunksAndAFinish_whenTheTwinAnswers_thenItsHeadersCountItsBytesAndRepeatWhatWasSent() throws Exception {
        HttpResponse<String> opened = calls.json("POST", "/media/uploads", null);
        assertEquals(202, opened.statusCode(), opened.body());
        String location = opened.headers().firstValue("Location").orElseThrow();
        String upload = location.substring(location.indexOf("/media/uploads/"));

        HttpResponse<String> first = send("PATCH", upload, "abcdefghijk");
        assertEquals(204, first.statusCode());
        assertEquals("11", first.headers().firstValue("Upload-Offset").orElse(""), "the bytes held: 11");
        HttpResponse<String> second = send("PATCH", upload, "lmnop");
        assertEquals("16", second.headers().firstValue("Upload-Offset").orElse(""), "the chunks appended: 11 + 5");

        String md5 = hex("MD5", "abcdefghijklmnop");
        HttpResponse<String> finished = send("PUT", upload + "?key=letters-4.txt&md5=" + md5, null);
        assertEquals(201, finished.statusCode(), finished.body());
        assertEquals(md5, finished.headers().firstValue("X-Checksum").orElse(""), "the checksum the client named");
        String file = finished.headers().firstValue("Location").orElse("");
        assertEquals("http://127.0.0.1:" + twin.port() + "/media/files/letters-4.txt", file,
                "the stored file's URL, on the twin's own base");
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(file)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), "the Location names the row the finish made");
        assertEquals("abcdefghijklmnop", read.body());
    }

    @Test
    void givenTheInferredFiles_whenRead_thenTheHeaderTemplatesAndTheirEvidenceAreWritten() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("Upload-Offset: \"{{content.length}}\""), yaml);
        assertTrue(yaml.contains("X-Checksum: \"{{request.query.md5}}\""), yaml);
        assertTrue(yaml.contains("Location: \"{{request.base}}/media/files/{{request.query.key}}\""), yaml);
        String report = files.text("inference-report.md");
        assertTrue(report.contains("patch.headers") && report.contains("update: every PUT answer carried the headers"),
                report);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + path));
        if (text == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
