package dev.twin.replayer.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spec whose full check found problems an operation cannot live with is still served: its good operations
 * answer as usual, and a request to an operation a problem keeps from being served answers 501 naming the spec
 * file, line and JSON pointer of the problem, never a 500 or a stack trace.
 */
class SpecWarningsServeTest {
    @TempDir
    Path dir;

    private TwinServer server;
    private Http http;

    @BeforeEach
    void serveASpecWithARefToNothing() throws Exception {
        Path spec = Files.writeString(dir.resolve("pets.yaml"), """
                openapi: 3.0.3
                info: {title: pets, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses:
                        '200': {description: ok, content: {application/json: {example: [{id: p1}]}}}
                  /pets/{id}:
                    get:
                      operationId: getPet
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                """);
        server = TwinServer.builder().specs(spec).port(0).start();
        http = new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenAnOperationReachingARefToNothing_whenCalled_thenItAnswers501NamingTheFileLineAndPointer()
            throws Exception {
        HttpResponse<String> response = http.get("/pets/p1");

        assertEquals(501, response.statusCode(), response.body());
        JsonNode error = Http.json(response).get("error");
        String message = error.get("message").asText();
        assertTrue(message.startsWith("pets.getPet is not served: its spec has a problem at "), message);
        assertTrue(message.contains("pets.yaml:14:72: /paths/~1pets~1{id}/get/responses/200/content/"
                + "application~1json/schema/$ref: $ref '#/components/schemas/Pet' points at nothing"), message);
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void givenTheSameSpec_whenAnOperationWithoutProblemsIsCalled_thenItAnswersItsExample() throws Exception {
        HttpResponse<String> response = http.get("/pets");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("[{\"id\":\"p1\"}]", response.body());
    }

    @Test
    void givenTheSameSpec_whenLoaded_thenItsWarningIsThereToBePrintedOnce() {
        assertEquals(1, server.api().specWarnings().size(), server.api().specWarnings().toString());
        assertEquals(14, server.api().specWarnings().get(0).location().line());
    }
}
