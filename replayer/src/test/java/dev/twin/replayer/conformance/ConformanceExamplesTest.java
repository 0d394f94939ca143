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

import static dev.twin.replayer.conformance.ConformanceTwin.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Examples come first, in the order a spec author means them (the media type's example, its named examples, the
 * schema's, one assembled from property examples), through references, cycles and compositions; the documented
 * status a success answers with is the lowest 2xx code, else 2XX, else default.
 */
class ConformanceExamplesTest {
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("examples"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    private static HttpResponse<String> call(SpecVersion version, String method, String path, String... headers) {
        return TWINS.get(version).send(method, path, null, null, headers);
    }

    private static JsonNode body(SpecVersion version, String path, String... headers) {
        HttpResponse<String> response = call(version, "GET", path, headers);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json(response);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void theMediaTypeExampleComesFirst(SpecVersion version) {
        assertEquals("from the media type", body(version, "/media-example").get("name").asText());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void thenTheFirstNamedExample(SpecVersion version) {
        assertEquals("from the first named example", body(version, "/named-examples").get("name").asText());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void preferExampleNamesAnotherOneAlsoThroughAReference(SpecVersion version) {
        assertEquals("from the second named example", body(version, "/named-examples", "Prefer",
                "example=second").get("name").asText());
        assertEquals("from a referenced example", body(version, "/named-examples", "Prefer",
                "example=shared").get("name").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void thenTheSchemasExample(SpecVersion version) {
        assertEquals("from the schema", body(version, "/schema-example").get("name").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void thenOneAssembledFromPropertyExamples(SpecVersion version) {
        JsonNode body = body(version, "/assembled");

        assertEquals("from a property", body.get("name").asText());
        assertEquals(42, body.get("size").asInt());
        assertEquals("teal", body.at("/nested/color").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aRecursiveSchemaKeepsItsPropertyExamples(SpecVersion version) {
        JsonNode body = body(version, "/recursive");

        assertEquals("root node", body.get("label").asText());
        assertEquals(true, body.get("children").size() > 0, body.toString());
        for (JsonNode child : body.get("children")) {
            assertEquals("root node", child.get("label").asText(), body.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void allOfKeepsTheExamplesOfEveryPart(SpecVersion version) {
        JsonNode body = body(version, "/all-of");

        assertEquals("base_1", body.get("id").asText());
        assertEquals("from allOf", body.get("extra").asText());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void oneOfAndAnyOfKeepTheExamplesOfTheBranchChosen(SpecVersion version) {
        JsonNode cat = body(version, "/one-of");
        JsonNode dog = body(version, "/any-of");

        assertEquals("cat", cat.get("kind").asText());
        assertEquals("loud", cat.get("meow").asText());
        assertEquals("dog", dog.get("kind").asText());
        assertEquals("deep", dog.get("bark").asText());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void aSuccessRangeAloneAnswers200(SpecVersion version) {
        HttpResponse<String> response = call(version, "GET", "/range-only");

        assertEquals(200, response.statusCode());
        assertEquals("2XX", json(response).get("from").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void theLowestDocumentedSuccessCodeWinsOverARange(SpecVersion version) {
        HttpResponse<String> response = call(version, "POST", "/code-and-range");

        assertEquals(201, response.statusCode());
        assertEquals("201", json(response).get("from").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aDefaultAloneAnswers200(SpecVersion version) {
        HttpResponse<String> response = call(version, "GET", "/default-only");

        assertEquals(200, response.statusCode());
        assertEquals("default", json(response).get("from").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void anOperationDocumentingOnlyAnErrorAnswersIt(SpecVersion version) {
        HttpResponse<String> response = call(version, "GET", "/error-only");

        assertEquals(404, response.statusCode());
        assertEquals("404", json(response).get("from").asText());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void preferCodeChoosesARangeByItsStatus(SpecVersion version) {
        HttpResponse<String> response = call(version, "GET", "/range-only", "Prefer", "code=404");

        assertEquals(404, response.statusCode());
        assertEquals("4XX", json(response).get("from").asText());
    }
}
