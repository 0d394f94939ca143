package dev.twin.replayer.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.twin.replayer.conformance.ConformanceTwin.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CORS is on by default for the API's routes, as spec mocks have it, and never on {@code /__twin/}: a page of
 * another origin must not read or change a twin's state.
 */
class ConformanceCorsTest {
    private static final String PAGE = "http://app.example:3000";
    private static ConformanceTwin twin;

    @BeforeAll
    static void start(@TempDir Path dir) {
        twin = ConformanceTwin.serve("routing-openapi30.yaml", dir);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    private static HttpResponse<String> preflight(ConformanceTwin target, String path) {
        return target.send("OPTIONS", path, null, null, "Origin", PAGE, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, x-request-id");
    }

    private static boolean hasCorsHeaders(HttpResponse<String> response) {
        return response.headers().map().keySet().stream()
                .anyMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }

    @Test
    void aPreflightIs204EchoingOriginMethodAndHeaders() {
        HttpResponse<String> response = preflight(twin, "/test:ping");

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(PAGE, header(response, "Access-Control-Allow-Origin"));
        assertEquals("POST", header(response, "Access-Control-Allow-Methods"));
        assertEquals("content-type, x-request-id", header(response, "Access-Control-Allow-Headers"));
        assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
        assertEquals("", response.body());
    }

    @Test
    void anAnswerToAPageAllowsItsOriginAndExposesItsHeaders() {
        HttpResponse<String> response = twin.get("/items/it_1", "Origin", PAGE);

        assertEquals(200, response.statusCode());
        assertEquals(PAGE, header(response, "Access-Control-Allow-Origin"));
        assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
        assertTrue(header(response, "Access-Control-Expose-Headers").contains("Content-Type"));
        assertTrue(header(response, "Vary").contains("Origin"));
    }

    @Test
    void anAnswerWithoutAnOriginAllowsAny() {
        assertEquals("*", header(twin.get("/items/it_1"), "Access-Control-Allow-Origin"));
    }

    @Test
    void errorAnswersCarryCorsToo() {
        HttpResponse<String> notFound = twin.get("/nothing", "Origin", PAGE);
        HttpResponse<String> notAllowed = twin.send("PUT", "/items/it_1", null, null, "Origin", PAGE);

        assertEquals(404, notFound.statusCode());
        assertEquals(PAGE, header(notFound, "Access-Control-Allow-Origin"));
        assertEquals(405, notAllowed.statusCode());
        assertEquals(PAGE, header(notAllowed, "Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightForAnAdminRouteIsNotAnsweredWithCors() {
        HttpResponse<String> response = preflight(twin, "/__twin/reset");

        assertNotEquals(204, response.statusCode(), response.body());
        assertFalse(hasCorsHeaders(response), response.headers().map().toString());
    }

    @Test
    void adminAnswersNeverCarryCorsHeaders() {
        HttpResponse<String> fromLoopbackPage = twin.get("/__twin/health", "Origin", twin.baseUrl());
        HttpResponse<String> fromForeignPage = twin.get("/__twin/health", "Origin", PAGE);

        assertEquals(200, fromLoopbackPage.statusCode(), fromLoopbackPage.body());
        assertFalse(hasCorsHeaders(fromLoopbackPage), fromLoopbackPage.headers().map().toString());
        assertEquals(403, fromForeignPage.statusCode(), fromForeignPage.body());
        assertFalse(hasCorsHeaders(fromForeignPage), fromForeignPage.headers().map().toString());
    }

    @Test
    void givenCorsTurnedOff_thenAPreflightIsAnOrdinaryOptionsRequest(@TempDir Path dir) {
        try (ConformanceTwin off = ConformanceTwin.serve("routing-openapi30.yaml", dir, b -> b.cors(false))) {
            HttpResponse<String> response = preflight(off, "/test:ping");

            assertEquals(405, response.statusCode(), response.body());
            assertFalse(hasCorsHeaders(response));
            assertNull(header(off.get("/items/it_1", "Origin", PAGE), "Access-Control-Allow-Origin"));
        }
    }

    @Test
    void givenServerCorsFalseInTwinYaml_thenAnswersCarryNoCorsHeaders(@TempDir Path dir) {
        String twinYaml = """
                imports:
                  - {path: routing-openapi30.yaml, as: api}
                server:
                  cors: false
                """;
        try (ConformanceTwin off = ConformanceTwin.serveWithConfig("routing-openapi30.yaml", twinYaml, dir)) {
            assertEquals(405, preflight(off, "/test:ping").statusCode());
            assertNull(header(off.get("/items/it_1", "Origin", PAGE), "Access-Control-Allow-Origin"));
        }
    }
}
