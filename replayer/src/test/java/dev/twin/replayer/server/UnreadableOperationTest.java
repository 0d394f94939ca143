package dev.twin.replayer.server;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operation whose content only a full read finds broken (read lazily, on its first request) is answered with
 * the spec file and the reason in words, never a stack trace; the spec's other operations keep answering.
 */
class UnreadableOperationTest {
    @TempDir
    Path dir;

    @Test
    void givenAParameterWhoseSchemaIsANumber_whenItsOperationIsCalled_thenTheAnswerNamesTheSpecAndTheReason()
            throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), """
                openapi: 3.0.3
                info: {title: broken, version: '1'}
                paths:
                  /things/{id}:
                    get:
                      operationId: getThing
                      parameters: [{name: id, in: path, required: true, schema: 5}]
                      responses: {'200': {description: ok}}
                  /ok:
                    get:
                      operationId: ok
                      responses: {'200': {description: ok, content: {application/json: {example: {ok: true}}}}}
                """);
        Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: spec.yaml, as: api}\n");
        try (Twin server = Twin.builder().config(ConfigLoader.load(dir.resolve("twin.yaml")))
                .start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> broken = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/things/1")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(500, broken.statusCode());
            assertTrue(broken.body().contains("api.getThing cannot be served, its spec is broken: "), broken.body());
            assertTrue(broken.body().contains("spec.yaml"), broken.body());
            assertFalse(broken.body().contains("Exception"), broken.body());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ok")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
