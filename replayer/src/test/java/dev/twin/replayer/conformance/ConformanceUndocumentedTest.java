package dev.twin.replayer.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * What the spec does not say is answered as a problem that says so, never as a server failure: an operation
 * documenting no response at all (3.1 lets {@code responses} out; 3.0 and 2.0 writers leave it empty) answers 501
 * naming itself, while its requests are still validated; a {@code Prefer: code} nothing documents is the client's
 * mistake, a 422 naming {@code Prefer}.
 */
class ConformanceUndocumentedTest {
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("no-responses"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAnOperationDocumentingNoResponse_whenAValidRequestComes_thenA501ProblemNamesTheOperation(
            SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/drafts?limit=5");

        assertEquals(501, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        JsonNode problem = json(response);
        assertEquals("Not Implemented", problem.get("title").asText());
        assertEquals(501, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().matches("GET /drafts \\([^)]*listDrafts\\) documents no response,"
                + " so the twin cannot tell what it answers; .*"), problem.toString());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAnOperationDocumentingNoResponse_whenARequestIsInvalid_thenItIsStillRefusedAsInvalid(
            SpecVersion version) {
        HttpResponse<String> badLimit = TWINS.get(version).get("/drafts?limit=none");
        HttpResponse<String> noTitle = TWINS.get(version).send("POST", "/drafts", "application/json", "{}");

        assertEquals(422, badLimit.statusCode(), badLimit.body());
        assertEquals("limit", json(badLimit).get("violations").get(0).get("parameter").asText());
        assertEquals(422, noTitle.statusCode(), noTitle.body());
        assertEquals("body.title", json(noTitle).get("violations").get(0).get("parameter").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAPreferredCodeNothingDocuments_whenAsked_thenA422ProblemNamesPrefer(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/errors-only", "Prefer", "code=200");

        assertEquals(422, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        JsonNode violation = json(response).get("violations").get(0);
        assertEquals("Prefer", violation.get("parameter").asText());
        assertEquals("header", violation.get("location").asText());
        assertEquals("GET /errors-only documents no response for code=200; documented: 404.",
                violation.get("reason").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAnOperationDocumentingOnlyAnError_whenCalled_thenThatErrorAnswers(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/errors-only");

        assertEquals(404, response.statusCode(), response.body());
        assertEquals("gone", json(response).get("reason").asText());
    }
}
