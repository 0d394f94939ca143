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

/**
 * Requests reach the operation a spec author means: literal segments before templates, templates inside a
 * segment, percent-encoded segments, trailing slashes as written, 405 with {@code Allow} for a known path.
 */
class ConformanceRoutingTest {
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("routing"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    private static JsonNode answer(SpecVersion version, String method, String path) {
        HttpResponse<String> response = TWINS.get(version).send(method, path, null, null);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return json(response);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aLiteralSegmentIsPreferredOverATemplate(SpecVersion version) {
        assertEquals("latest", answer(version, "GET", "/items/latest").get("op").asText());
        assertEquals("item", answer(version, "GET", "/items/it_1").get("op").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aTemplateBeforeASuffixRoutesAndEchoesItsValue(SpecVersion version) {
        assertEquals("report", answer(version, "GET", "/files/report.json").get("name").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void twoTemplatesAroundAHyphenSplitTheSegment(SpecVersion version) {
        JsonNode pair = answer(version, "GET", "/pairs/left-right");

        assertEquals("left", pair.get("a").asText());
        assertEquals("right", pair.get("b").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aTemplateAfterAColonRoutes(SpecVersion version) {
        assertEquals("ping", answer(version, "POST", "/test:ping").get("rpc").asText());
        assertEquals("shelves", answer(version, "GET", "/v1/shelves:batchGet").get("name").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void percentEncodedSegmentsRouteAsTheirDecodedText(SpecVersion version) {
        assertEquals("ping", answer(version, "POST", "/test%3Aping").get("rpc").asText());
        assertEquals("latest", answer(version, "GET", "/items/%6Catest").get("op").asText());
        assertEquals("a b", answer(version, "GET", "/items/a%20b").get("id").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aPathWrittenWithATrailingSlashAnswersBothSpellings(SpecVersion version) {
        assertEquals("slash", answer(version, "GET", "/slash/").get("op").asText());
        assertEquals("slash", answer(version, "GET", "/slash").get("op").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenBothSpellings_thenEachRoutesToItsOwnOperation(SpecVersion version) {
        assertEquals("without slash", answer(version, "GET", "/both").get("op").asText());
        assertEquals("with slash", answer(version, "GET", "/both/").get("op").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void anUnknownMethodOnAKnownPathIs405ListingTheAllowedOnes(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).send("PUT", "/items/it_1", null, null);

        assertEquals(405, response.statusCode(), response.body());
        assertEquals("GET, HEAD", header(response, "Allow"));
        assertEquals("DELETE, GET, HEAD", header(TWINS.get(version).send("PATCH", "/both", null, null), "Allow"));
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void anUnknownPathIs404(SpecVersion version) {
        assertEquals(404, TWINS.get(version).get("/nothing/here").statusCode());
    }
}
