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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code content} and {@code update.copyTo} over real sockets, on a file store: an upload opened by POST takes its
 * bytes in chunks (PATCH, appended), is finished by a PUT naming the file ({@code ?name=}), and the file is then
 * readable under that name with the bytes of every chunk (each chunk's answer naming the upload in {@code Location}), as {@code application/octet-stream}. A JSON write keeps
 * the bytes; a file never finished is not found. A file's answer carries digests of its bytes
 * ({@code content.headers}); a manifest PUT by tag is read by the digest of its body too ({@code update.alias}); a
 * finishing PUT naming a wrong SHA-256 of them is refused ({@code update.checksum}).
 */
class ContentTablesTest {
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
              /manifests/{ref}:
                parameters: [{name: ref, in: path, required: true, schema: {type: string}}]
                put:
                  operationId: putManifest
                  requestBody: {content: {application/vnd.test.manifest+json: {schema: {type: object}}}}
                  responses: {'201': {description: stored}}
                get:
                  operationId: getManifest
                  responses: {'200': {description: one}}
            """;
    private static final String TWIN_YAML = """
            imports:
              - {path: spec.yaml, as: files}
            tables:
              - name: uploads
                idStrategy: uuid
                response:
                  content: {append: true}
                  create: {status: 202, location: relative, emptyBody: true}
                  patch: {emptyBody: true, location: relative}
                  update:
                    emptyBody: true
                    copyTo: {table: files, idParam: name}
                    checksum: {param: sha, form: 'sha256:{{sha256}}', status: 400, body: {error: checksum mismatch}}
              - name: files
                response:
                  content:
                    mediaType: application/octet-stream
                    headers: {ETag: '"{{md5}}"', X-Checksum: 'sha256:{{sha256}}'}
              - name: manifests
                response:
                  fields: {hide: [id]}
                  content:
                    mediaType: application/vnd.test.manifest+json
                    headers: {Docker-Content-Digest: 'sha256:{{sha256}}'}
                  update: {upsert: true, emptyBody: true, alias: 'sha256:{{sha256}}'}
            extend:
              - {mock: files.putManifest, table: manifests, action: update}
              - {mock: files.getManifest, table: manifests, action: get}
              - {mock: files.startUpload, table: uploads, action: create}
              - {mock: files.sendChunk, table: uploads, action: patch}
              - {mock: files.finishUpload, table: uploads, action: update}
              - {mock: files.getFile, table: files, action: get}
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
    void givenChunksAndAFinishingPut_whenTheFileIsRead_thenItHoldsEveryChunkAsOctets() throws Exception {
        HttpResponse<byte[]> opened = send("POST", "/uploads", null, null);
        assertEquals(202, opened.statusCode());
        String upload = opened.headers().firstValue("Location").orElseThrow();
        assertEquals(202, send("PATCH", upload, "application/octet-stream", "hello, ").statusCode());
        HttpResponse<byte[]> chunk = send("PATCH", upload, "application/octet-stream", "wor");
        assertEquals(0, chunk.body().length, "patch.emptyBody");
        assertEquals(upload, chunk.headers().firstValue("Location").orElse(""), "patch.location names the upload");
        assertEquals(201, send("PUT", upload + "?name=greeting.txt", "application/octet-stream", "ld\n")
                .statusCode());

        HttpResponse<byte[]> file = send("GET", "/files/greeting.txt", null, null);
        assertEquals(200, file.statusCode());
        assertArrayEquals("hello, world\n".getBytes(StandardCharsets.UTF_8), file.body());
        assertEquals("application/octet-stream", file.headers().firstValue("Content-Type").orElse(""));
        assertEquals("\"" + hex("MD5", "hello, world\n") + "\"", file.headers().firstValue("ETag").orElse(""));
        assertEquals("sha256:" + hex("SHA-256", "hello, world\n"),
                file.headers().firstValue("X-Checksum").orElse(""));
        assertEquals(404, send("GET", "/files/never-finished.txt", null, null).statusCode());
    }

    @Test
    void givenAFinishingPutWithoutTheName_whenFilesAreRead_thenNoneWasMade() throws Exception {
        String upload = send("POST", "/uploads", null, null).headers().firstValue("Location").orElseThrow();
        assertEquals(202, send("PATCH", upload, "application/octet-stream", "kept").statusCode());
        assertEquals(201, send("PUT", upload, "application/json", "{\"note\":\"no name\"}").statusCode());
        assertEquals(201, send("PUT", upload + "?name=late.bin", "application/json", "{}").statusCode());
        HttpResponse<byte[]> file = send("GET", "/files/late.bin", null, null);
        assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), file.body(), "a JSON write keeps the bytes");
    }

    @Test
    void givenAChecksumNamed_whenItIsNotTheContentsDigest_thenTheFinishIsRefusedAndNoFileMade() throws Exception {
        String upload = send("POST", "/uploads", null, null).headers().firstValue("Location").orElseThrow();
        assertEquals(202, send("PATCH", upload, "application/octet-stream", "abc").statusCode());
        HttpResponse<byte[]> refused = send("PUT", upload + "?name=checked.bin&sha=sha256:" + hex("SHA-256", "abd"),
                "application/octet-stream", null);
        assertEquals(400, refused.statusCode());
        assertEquals("{\"error\":\"checksum mismatch\"}", new String(refused.body(), StandardCharsets.UTF_8).strip());
        assertEquals(404, send("GET", "/files/checked.bin", null, null).statusCode());

        assertEquals(201, send("PUT", upload + "?name=checked.bin&sha=sha256:" + hex("SHA-256", "abc"),
                "application/octet-stream", null).statusCode());
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), send("GET", "/files/checked.bin", null, null).body());
    }

    @Test
    void givenAnAlias_whenAManifestIsPutByTag_thenItIsReadByTagAndByTheDigestOfItsBody() throws Exception {
        String manifest = "{\"schemaVersion\": 2, \"layers\": []}";
        assertEquals(201, send("PUT", "/manifests/v1", "application/vnd.test.manifest+json", manifest).statusCode());
        HttpResponse<byte[]> byTag = send("GET", "/manifests/v1", null, null);
        HttpResponse<byte[]> byDigest = send("GET", "/manifests/sha256:" + hex("SHA-256", manifest), null, null);
        assertEquals(200, byDigest.statusCode());
        assertEquals(manifest, new String(byTag.body(), StandardCharsets.UTF_8), "the bytes kept as written");
        assertEquals(manifest, new String(byDigest.body(), StandardCharsets.UTF_8));
        assertEquals("sha256:" + hex("SHA-256", manifest),
                byDigest.headers().firstValue("Docker-Content-Digest").orElse(""));
        assertEquals(404, send("GET", "/manifests/sha256:" + hex("SHA-256", "{}"), null, null).statusCode());
    }

    @Test
    void givenCopyToAnUnknownTable_whenLoaded_thenTheProblemNamesItsLine(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("spec.yaml"), SPEC);
        Path yaml = Files.writeString(other.resolve("twin.yaml"), TWIN_YAML.replace("table: files, idParam",
                "table: file, idParam").replace("content: {append: true}", "content: {append: true, size: 1}")
                .replace("'sha256:{{sha256}}'", "'crc:{{crc32}}'"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml));
        assertTrue(e.getMessage().contains("twin.yaml:12:") && e.getMessage().contains("no table 'file'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("twin.yaml:7:") && e.getMessage().contains("size"), e.getMessage());
        assertTrue(e.getMessage().contains("twin.yaml:13:") && e.getMessage().contains("checksum.form"),
                e.getMessage());
        assertTrue(e.getMessage().contains("X-Checksum: 'crc:{{crc32}}' holds no digest"), e.getMessage());
    }

    private static String hex(String algorithm, String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<byte[]> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
