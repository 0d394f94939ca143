package dev.twin.replayer.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static dev.twin.replayer.conformance.ConformanceTwin.header;
import static dev.twin.replayer.conformance.ConformanceTwin.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request the spec refuses gets the operation's documented error response (422, then 400, then 4XX, then
 * default; 401 then 403 for credentials), else an RFC 9457 problem; provider error conventions still win.
 */
class ConformanceErrorsTest {
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("errors"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenADocumented422_whenAParameterIsInvalid_thenItIsAnsweredWithItsExample(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/documented-422?limit=lots");

        assertEquals(422, response.statusCode(), response.body());
        assertEquals("documented 422", json(response).get("reason").asText());
        String violation = header(response, "Twin-Violation");
        assertTrue(violation.startsWith("limit (query): "), violation);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenA400AndNo422_whenARequiredParameterIsMissing_thenThe400IsUsed(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/documented-400");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("documented 400", json(response).get("reason").asText());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void givenOnlyA4XXRange_whenInvalid_thenTheRangeAnswersWith422(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/documented-4xx?limit=0");

        assertEquals(422, response.statusCode(), response.body());
        assertEquals("documented 4XX", json(response).get("reason").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenOnlyADefault_whenInvalid_thenTheDefaultAnswersWith422(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/documented-default?limit=0");

        assertEquals(422, response.statusCode(), response.body());
        assertEquals("documented default", json(response).get("reason").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenADocumentedErrorWithASchemaOnly_whenInvalid_thenItsBodyIsGeneratedFromTheSchema(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/generated-error?limit=x");

        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertTrue(body.get("code").isInt() && body.get("code").asInt() >= 400, response.body());
        assertTrue(body.get("message").isTextual(), response.body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenNoErrorDocumented_whenInvalid_thenA422ProblemListsEveryViolation(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).send("POST", "/undocumented?limit=0",
                "application/json", "{}");

        assertEquals(422, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        JsonNode problem = json(response);
        assertEquals("about:blank", problem.get("type").asText());
        assertEquals("Unprocessable Content", problem.get("title").asText());
        assertEquals(422, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().startsWith("2 problems: "), response.body());
        assertEquals("limit", problem.at("/violations/0/parameter").asText());
        assertEquals("query", problem.at("/violations/0/location").asText());
        assertTrue(problem.at("/violations/1/parameter").asText().contains("name"), response.body());
        assertEquals("body", problem.at("/violations/1/location").asText());
        assertTrue(problem.at("/violations/1/reason").asText().contains("name"), response.body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenADocumented401_whenNoCredentialIsSent_thenItIsAnsweredWithItsExample(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/secured");

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("documented 401", json(response).get("reason").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenOnlyA403_whenNoCredentialIsSent_thenThe403IsUsed(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/secured-403");

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("documented 403", json(response).get("reason").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenNoSecurityErrorDocumented_whenNoCredentialIsSent_thenA401ProblemNamesTheCredential(
            SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/secured-undocumented");

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        assertEquals("X-Api-Key", json(response).at("/violations/0/parameter").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenACredential_whenCalled_thenTheSuccessIsAnswered(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/secured", "X-Api-Key", "key_1");

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void givenProviderErrorConventions_whenInvalid_thenTheProviderShapeWinsOverTheDocumented422(
            @TempDir Path dir) {
        String twinYaml = """
                imports:
                  - {path: errors-openapi30.yaml, as: api}
                conventions:
                  errors:
                    wrap: error
                    fields: {message: message, param: param, type: type}
                """;
        try (ConformanceTwin twin = ConformanceTwin.serveWithConfig("errors-openapi30.yaml", twinYaml, dir)) {
            HttpResponse<String> response = twin.get("/documented-422?limit=lots");

            assertEquals(400, response.statusCode(), response.body());
            assertEquals("limit", json(response).at("/error/param").asText(), response.body());
        }
    }
}
