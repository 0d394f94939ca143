package dev.twin.replayer.conformance;

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
import java.util.List;
import java.util.Map;

import static dev.twin.replayer.conformance.ConformanceTwin.header;
import static dev.twin.replayer.conformance.ConformanceTwin.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documented response headers are in the answer, as spec mocks send them: each with its example (the header's,
 * its content's or its schema's, {@code $ref}s followed), its default, else a value generated from its schema,
 * written in OpenAPI's {@code simple} style; the one a {@code Prefer: example=NAME} names; on errors too. Headers that
 * frame the message stay the server's.
 */
class ConformanceHeadersTest {
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("headers"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenHeadersWithExamplesOrDefaults_whenAnswered_thenEachIsSentWithIt(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/items");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("42", header(response, "X-Rate-Limit"));
        assertEquals("red,green", header(response, "X-Tags"));
        assertEquals("3fa85f64-5717-4562-b3fc-2c963f66afa6", header(response, "X-Request-Id"),
                "a 2.0 x-example, a 3.x schema example by $ref");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void givenHeadersByReferenceAndInEveryStyle_whenAnswered_thenTheyAreWrittenAsOpenApiSays(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/items");

        assertEquals("3fa85f64-5717-4562-b3fc-2c963f66afa6", header(response, "X-Request-Id"));
        assertEquals("trace-aaa", header(response, "X-Trace"), "the first of examples, its $ref followed");
        assertEquals("x=1,y=2", header(response, "X-Point"), "an exploded object");
        assertEquals("{\"color\":\"red\"}", header(response, "X-Filter"), "a header described by JSON content");
        assertEquals("v2", header(response, "X-Version"));
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenHeadersWithOnlyASchema_whenAnswered_thenAValueOfTheSchemaIsSentAndKept(SpecVersion version) {
        HttpResponse<String> first = TWINS.get(version).get("/items");
        HttpResponse<String> second = TWINS.get(version).get("/items");

        assertTrue(header(first, "X-Expires").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*"),
                header(first, "X-Expires"));
        assertTrue(List.of("fast", "slow").contains(header(first, "X-Mode")), header(first, "X-Mode"));
        assertEquals(header(first, "X-Expires"), header(second, "X-Expires"), "the same header, the same value");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenADocumentedContentLength_whenAnswered_thenTheServersOwnFramesTheBody(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/items");

        assertEquals(Integer.toString(response.body().length()), header(response, "Content-Length"));
        assertNull(header(response, "Transfer-Encoding"));
        assertEquals(1, json(response).get("n").asInt());
    }

    @Test
    void givenAnExampleWithALineBreak_whenSentAsAHeader_thenItStaysOneHeader() {
        HttpResponse<String> response = TWINS.get(SpecVersion.OPENAPI_30).get("/items");

        assertEquals("line oneInjected: yes", header(response, "X-Broken"));
        assertNull(header(response, "Injected"));
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void givenPreferExample_whenAHeaderHasAnExampleOfThatName_thenTheHeaderFollowsTheBody(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).get("/items", "Prefer", "example=second");

        assertEquals(2, json(response).get("n").asInt());
        assertEquals("trace-bbb", header(response, "X-Trace"));
        assertEquals("42", header(response, "X-Rate-Limit"));
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAnErrorResponseWithHeaders_whenItAnswers_thenItsHeadersAreSentToo(SpecVersion version) {
        HttpResponse<String> preferred = TWINS.get(version).get("/items", "Prefer", "code=404");
        HttpResponse<String> refused = TWINS.get(version).get("/limited?limit=many");
        HttpResponse<String> empty = TWINS.get(version).get("/limited?limit=3");

        assertEquals(404, preferred.statusCode());
        assertEquals("not here", header(preferred, "X-Reason"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("E_INVALID", header(refused, "X-Error-Code"));
        assertEquals(204, empty.statusCode());
        assertEquals("42", header(empty, "X-Rate-Limit"));
    }
}
