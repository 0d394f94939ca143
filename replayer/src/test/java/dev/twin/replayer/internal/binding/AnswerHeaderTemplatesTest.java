package dev.twin.replayer.internal.binding;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code create.headers}, {@code update.headers} and {@code patch.headers} over real sockets, rendered from the
 * request and the bytes the row holds: a chunk's {@code Range} counts the bytes appended so far, a finished upload
 * answers the checksum the client named in its query and the URL of the file it made, a note's create answers the
 * SHA-1 of the JSON it was sent, and a name no header template can read is refused at load with its line.
 */
class AnswerHeaderTemplatesTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: files, version: '1'}
            paths:
              /uploads:
                post:
                  operationId: startUpload
                  responses: {'202': {description: started}}
              /uploads/{upload}:
                parameters: [{name: upload, in: path, required: true, schema: {type: string}}]
                patch:
                  operationId: sendChunk
                  responses: {'202': {description: taken}}
                put:
                  operationId: finishUpload
                  parameters: [{name: name, in: query, schema: {type: string}}]
                  responses: {'201': {description: finished}}
              /files/{file}:
                parameters: [{name: file, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getFile
                  responses: {'200': {description: the bytes}}
              /notes:
                post:
                  operationId: createNote
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: made}}
            """;
    private static final String TWIN_YAML = """
            imports:
              - {path: spec.yaml, as: files}
            tables:
              - name: uploads
                idStrategy: uuid
                response:
                  content: {append: true}
                  create: {status: 202, location: relative, emptyBody: true, headers: {Range: '0-{{content.lastByte}}'}}
                  patch:
                    emptyBody: true
                    headers: {Range: '0-{{content.lastByte}}', Upload-Length: '{{content.length}}'}
                  update:
                    emptyBody: true
                    copyTo: {table: files, idParam: name}
                    headers:
                      X-Checksum: '{{request.query.md5}}'
                      Location: '{{request.base}}/files/{{request.query.name}}'
              - name: files
                response:
                  content: {mediaType: application/octet-stream}
              - name: notes
                response:
                  create: {headers: {ETag: '"{{request.sha1}}"', X-Made-By: '{{request.method}} {{request.path}}'}}
            extend:
              - {mock: files.startUpload, table: uploads, action: create}
              - {mock: files.sendChunk, table: uploads, action: patch}
              - {mock: files.finishUpload, table: uploads, action: update}
              - {mock: files.getFile, table: files, action: get}
              - {mock: files.createNote, table: notes, action: create}
            """;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static YamlTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = YamlTwin.serve(dir, SPEC, TWIN_YAML);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenChunks_whenEachIsAnswered_thenItsHeadersCountTheBytesTheUploadHolds() throws Exception {
        HttpResponse<String> opened = send("POST", "/uploads", null, null);
        assertEquals(202, opened.statusCode());
        assertEquals("0-0", opened.headers().firstValue("Range").orElse(""), "no bytes yet");
        String upload = opened.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> first = send("PATCH", upload, "application/octet-stream", "0123456789");
        assertEquals("0-9", first.headers().firstValue("Range").orElse(""));
        assertEquals("10", first.headers().firstValue("Upload-Length").orElse(""));
        HttpResponse<String> second = send("PATCH", upload, "application/octet-stream", "abcde");
        assertEquals("0-14", second.headers().firstValue("Range").orElse(""), "the chunks appended");
        assertEquals("15", second.headers().firstValue("Upload-Length").orElse(""));
    }

    @Test
    void givenAFinish_whenAnswered_thenItRepeatsTheChecksumSentAndNamesTheFileItMade() throws Exception {
        String upload = send("POST", "/uploads", null, null).headers().firstValue("Location").orElseThrow();
        send("PATCH", upload, "application/octet-stream", "hello files\n");
        HttpResponse<String> finished = send("PUT", upload + "?name=hello-1.txt&md5=not-checked-here", null, null);
        assertEquals(201, finished.statusCode());
        assertEquals("not-checked-here", finished.headers().firstValue("X-Checksum").orElse(""));
        String file = finished.headers().firstValue("Location").orElse("");
        assertEquals(twin.baseUrl() + "/files/hello-1.txt", file);
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("hello files\n", read.body(), "the Location names the file the finish made");

        HttpResponse<String> unnamed = send("PUT", upload, null, null);
        assertEquals("", unnamed.headers().firstValue("X-Checksum").orElse("absent"),
                "a parameter not sent renders empty");
    }

    @Test
    void givenAJsonCreate_whenAnswered_thenItsETagIsTheDigestOfTheBytesSent() throws Exception {
        String note = "{\"text\": \"buy milk\"}";
        HttpResponse<String> made = send("POST", "/notes", "application/json", note);
        assertEquals(201, made.statusCode(), made.body());
        assertEquals("\"" + hex("SHA-1", note) + "\"", made.headers().firstValue("ETag").orElse(""));
        assertEquals("POST /notes", made.headers().firstValue("X-Made-By").orElse(""));
        String other = "{\"text\":\"buy milk\"}";
        assertFalse(made.headers().firstValue("ETag").orElse("").equals(
                        send("POST", "/notes", "application/json", other).headers().firstValue("ETag").orElse("")),
                "the bytes as sent, not the JSON value: another layout, another digest");
    }

    @Test
    void givenAVariableNoHeaderTemplateHas_whenLoaded_thenTheProblemNamesItsLineAndWhatCanBeRead(@TempDir Path other)
            throws Exception {
        Files.writeString(other.resolve("spec.yaml"), SPEC);
        Path yaml = Files.writeString(other.resolve("twin.yaml"), TWIN_YAML
                .replace("Upload-Length: '{{content.length}}'", "Upload-Length: '{{content.size}}'")
                .replace("'{{request.query.md5}}'", "'{{request.digest}}'"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml));
        assertTrue(e.getMessage().contains("twin.yaml:11:") && e.getMessage().contains("patch.headers.Upload-Length")
                && e.getMessage().contains("unknown field 'size' of 'content'; it has length, lastByte"),
                e.getMessage());
        assertTrue(e.getMessage().contains("twin.yaml:16:") && e.getMessage().contains("unknown field 'digest' of "
                + "'request'"), e.getMessage());
    }

    private static String hex(String algorithm, String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        String url = path.startsWith("http") ? path : twin.baseUrl() + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
