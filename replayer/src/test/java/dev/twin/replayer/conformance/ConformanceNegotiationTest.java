package dev.twin.replayer.conformance;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answer's media type follows {@code Accept} (quality values, wildcards) among the documented ones: XML as the
 * schema's {@code xml} objects say, text and octet-stream examples as written, empty bodies empty; 406 when nothing
 * documented is acceptable, 415 for a body the operation does not accept.
 */
class ConformanceNegotiationTest {
    private static final String PET_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<pet id=\"7\"><name>Rex</name><tags><tag>good</tag><tag>small</tag></tags></pet>";
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("negotiation"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    private static HttpResponse<String> get(SpecVersion version, String path, String accept) {
        return accept == null ? TWINS.get(version).get(path) : TWINS.get(version).get(path, "Accept", accept);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void acceptXmlGetsTheBodyRenderedByTheSchemasXmlObjects(SpecVersion version) {
        HttpResponse<String> response = get(version, "/pet", "application/xml");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/xml", header(response, "Content-Type"));
        assertEquals(PET_XML, response.body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void anObjectExampleIsRenderedAsEscapedXml(SpecVersion version) {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><pet id=\"9\"><name>Tom &amp; Jerry</name>"
                + "<tags><tag>x</tag></tags></pet>", get(version, "/pet-example", null).body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void anXmlTextExampleIsSentAsWritten(SpecVersion version) {
        assertEquals("<pet><name>Rex</name></pet>", get(version, "/pet-xml-text", "application/xml").body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void theHighestQualityWins(SpecVersion version) {
        assertEquals(PET_XML, get(version, "/pet", "application/json;q=0.5, application/xml").body());
        assertEquals(7, json(get(version, "/pet", "application/xml;q=0.1, application/json;q=0.9")).get("id")
                .asInt());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void wildcardsPreferJsonAndAMoreSpecificRangeDecides(SpecVersion version) {
        assertEquals("application/json", header(get(version, "/pet", "*/*"), "Content-Type"));
        assertEquals("application/json", header(get(version, "/pet", "application/*"), "Content-Type"));
        assertEquals("application/xml", header(get(version, "/pet", "application/*;q=0.5, application/xml"),
                "Content-Type"));
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void qualityZeroRefusesAType(SpecVersion version) {
        assertEquals("application/xml", header(get(version, "/pet", "*/*, application/json;q=0"),
                "Content-Type"));
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void nothingAcceptableIs406(SpecVersion version) {
        HttpResponse<String> response = get(version, "/pet", "text/html");

        assertEquals(406, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        assertEquals("Accept", json(response).at("/violations/0/parameter").asText());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aTextPlainExampleIsSentAsWritten(SpecVersion version) {
        HttpResponse<String> response = get(version, "/ping", "text/plain");

        assertEquals("text/plain", header(response, "Content-Type"));
        assertEquals("pong", response.body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aTextPlainSchemaExampleIsSentAsWritten(SpecVersion version) {
        assertEquals("pong from the schema", get(version, "/ping-schema", null).body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void anOctetStreamExampleIsSentAsItsBytes(SpecVersion version) {
        HttpResponse<String> response = get(version, "/download", "application/octet-stream");

        assertEquals("application/octet-stream", header(response, "Content-Type"));
        assertEquals("raw bytes", response.body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aResponseWithoutContentIsEmpty(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).send("DELETE", "/empty", null, null);

        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertNull(header(response, "Content-Type"));
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aBodyInAMediaTypeTheOperationDoesNotAcceptIs415(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).send("POST", "/pets", "text/plain", "Rex");

        assertEquals(415, response.statusCode(), response.body());
        assertEquals("Content-Type", json(response).at("/violations/0/parameter").asText());
        assertTrue(json(response).get("detail").asText().contains("application/json"), response.body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void aBodyInTheAcceptedMediaTypeIsAnswered(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).send("POST", "/pets", "application/json",
                "{\"name\": \"Rex\"}");

        assertEquals(201, response.statusCode(), response.body());
    }
}
