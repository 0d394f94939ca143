package dev.twin.replayer.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which documented body is sent, Prefer variants, declared headers, credentials and form bodies. */
class ExamplesAndPreferTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: examples, version: '1'}
            servers: [{url: 'https://api.example.com/api'}]
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
              schemas:
                Widget:
                  type: object
                  required: [id, size]
                  properties:
                    id: {type: string}
                    size: {type: integer}
                  example: {id: w_schema, size: 3}
            paths:
              /widgets/{widget}:
                get:
                  operationId: GetWidget
                  parameters:
                    - {name: widget, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Rate-Limit: {schema: {type: integer}, example: 99}
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Widget'}
                          examples:
                            small: {value: {id: w_small, size: 1}}
                            large: {value: {id: w_large, size: 100}}
                        text/plain:
                          schema: {type: string}
                          example: a widget
                    '404':
                      description: missing
                      content:
                        application/json:
                          example: {error: {message: No such widget}}
              /widgets:
                get:
                  operationId: ListWidgets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Widget'}
                post:
                  operationId: CreateWidget
                  security: [{bearer: []}]
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          required: [size]
                          properties:
                            size: {type: integer}
                            metadata: {type: object, additionalProperties: {type: string}}
                            tags: {type: array, items: {type: string}}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          example: {id: w_created, size: 5}
            """;

    private static Twin server;
    private static Http http;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("widgets.yaml"), SPEC);
        server = Twin.builder().specs(spec).start();
        http = new Http(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void firstNamedExampleIsTheDefaultBodyWithThePathParameterEchoed() throws Exception {
        JsonNode body = Http.json(http.get("/api/widgets/w_42"));

        assertEquals("w_42", body.get("id").asText());
        assertEquals(1, body.get("size").asInt());
    }

    @Test
    void schemaLevelExampleIsUsedWhenTheMediaTypeHasNone() throws Exception {
        assertEquals("w_schema", Http.json(http.get("/api/widgets")).get("id").asText());
    }

    @Test
    void preferExampleSelectsANamedExample() throws Exception {
        JsonNode body = Http.json(http.get("/api/widgets/w_1", "Prefer", "example=large"));

        assertEquals(100, body.get("size").asInt());
    }

    @Test
    void preferCodeSelectsTheDocumentedResponse() throws Exception {
        HttpResponse<String> response = http.get("/api/widgets/w_1", "Prefer", "code=404");

        assertEquals(404, response.statusCode());
        assertEquals("No such widget", Http.json(response).at("/error/message").asText());
    }

    @Test
    void acceptChoosesAmongDocumentedMediaTypes() throws Exception {
        HttpResponse<String> response = http.get("/api/widgets/w_1", "Accept", "text/plain");

        assertEquals("a widget", response.body());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void declaredResponseHeadersAreSent() throws Exception {
        assertEquals("99", http.get("/api/widgets/w_1").headers().firstValue("x-rate-limit").orElseThrow());
    }

    @Test
    void securedOperationWithoutCredentialsIsA401Problem() throws Exception {
        HttpResponse<String> response = http.send("POST", "/api/widgets", "application/x-www-form-urlencoded",
                "size=3");

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("Authorization", Http.json(response).at("/violations/0/parameter").asText());
    }

    @Test
    void formBodyWithBracketNestingIsCoercedAndAccepted() throws Exception {
        HttpResponse<String> response = http.send("POST", "/api/widgets", "application/x-www-form-urlencoded",
                "size=3&metadata[order]=42&tags[]=a&tags[]=b", "Authorization", "Bearer sk_test_1");

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("w_created", Http.json(response).get("id").asText());
    }

    @Test
    void formValueThatCannotBeCoercedIsRejectedNamingTheParameter() throws Exception {
        HttpResponse<String> response = http.send("POST", "/api/widgets", "application/x-www-form-urlencoded",
                "size=big", "Authorization", "Bearer sk_test_1");

        assertEquals(422, response.statusCode());
        assertEquals("size", Http.json(response).at("/violations/0/parameter").asText());
    }
}
