package dev.twin.replayer.internal.verify;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file-storage API that opens an upload in headers only ({@code 202}, no body, the upload's URL in
 * {@code Location}) and takes its chunks by PATCH answered with no body ({@code patch.emptyBody}). Recorded against
 * one twin and replayed against another that mints other ids: only the Location names the new upload, so verify
 * learns the minted id from it and the recorded PATCH and GET reach the second twin's upload.
 */
class LocationIdVerifierTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Files, version: '1'}
            paths:
              /files/uploads:
                post:
                  operationId: StartUpload
                  responses:
                    '202': {description: started}
              /files/uploads/{upload}:
                parameters:
                  - {name: upload, in: path, required: true, schema: {type: string}}
                patch:
                  operationId: SendChunk
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {received: {type: integer}}}
                  responses:
                    '204': {description: taken}
                get:
                  operationId: ReadUpload
                  responses:
                    '200': {description: one, content: {application/json: {schema: {type: object}}}}
            """;
    private static final String TWIN_YAML = """
            version: 1
            imports:
              - {path: api.yaml, as: files}
            tables:
              - name: uploads
                idField: id
                idStrategy: uuid
                response:
                  create: {status: 202, location: absolute, emptyBody: true}
                  patch: {emptyBody: true}
            extend:
              - {mock: files.StartUpload, table: uploads, action: create}
              - {mock: files.SendChunk, table: uploads, action: patch}
              - {mock: files.ReadUpload, table: uploads, action: get}
            """;

    @TempDir
    static Path dir;
    static StartedTwins twins;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void writeTwin() throws Exception {
        twins = StartedTwins.of(dir, SPEC, TWIN_YAML);
    }

    @AfterAll
    static void stop() {
        twins.close();
    }

    @Test
    void givenAnUploadNamedOnlyInLocation_whenReplayed_thenTheMintedIdIsLearnedAndTheChunkReachesTheUpload()
            throws Exception {
        String real = start();
        List<Exchange> recording = new ArrayList<>();
        Exchange opened = call(recording, real, "POST", "/files/uploads", null);
        assertEquals(202, opened.response().status());
        assertEquals(0, opened.response().body().bytes().length, "the upload is announced in headers only");
        String location = opened.response().headers().stream().filter(h -> h.name().equalsIgnoreCase("location"))
                .map(Header::value).findFirst().orElseThrow();
        String path = URI.create(location).getPath();
        Exchange chunk = call(recording, real, "PATCH", path, "{\"received\":27}");
        assertEquals(204, chunk.response().status());
        assertEquals(0, chunk.response().body().bytes().length, "patch.emptyBody: the chunk answers no body");
        call(recording, real, "GET", path, null);

        SessionResult result = new Verifier(URI.create(start())).replay("upload", recording.stream());

        assertEquals(3, result.compared().size());
        List<String> divergences = result.compared().stream()
                .flatMap(r -> r.divergences().stream().map(d -> r.title() + ": " + d.describe())).toList();
        assertTrue(divergences.isEmpty(), divergences.toString());
        result.compared().forEach(r -> assertEquals(1.0, r.score(), r.title()));
    }

    private static String start() throws Exception {
        return twins.start();
    }

    private static Exchange call(List<Exchange> exchanges, String base, String method, String path, String json)
            throws Exception {
        List<Header> headers = new ArrayList<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path));
        if (json != null) {
            headers.add(new Header("Content-Type", "application/json"));
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response = http.send(request.method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<Header> responseHeaders = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(v -> responseHeaders.add(new Header(name, v))));
        Exchange exchange = new Exchange(exchanges.size() + 1, "upload", Instant.now(), 1, "127.0.0.1:5000",
                new RecordedRequest(method, "http", "127.0.0.1", 1, path, null, headers,
                        json == null ? Body.EMPTY : Body.of(json)),
                new RecordedResponse(response.statusCode(), responseHeaders, Body.of(response.body())), null, false);
        exchanges.add(exchange);
        return exchange;
    }
}
