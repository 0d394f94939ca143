package dev.twin.replayer.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The petstore example served end to end over real HTTP. */
class PetstoreServeTest {
    private static Twin server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = Twin.builder().config(Path.of("..", "examples", "petstore"))
                .httpLimits(HttpLimits.DEFAULTS.withMaxBodyBytes(4096)).start();
        http = new Http(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listAnswersWithADocumentedArrayAndTheDeclaredHeader() throws Exception {
        HttpResponse<String> response = http.get("/v1/pets");

        assertEquals(200, response.statusCode());
        assertTrue(Http.json(response).isArray());
        assertTrue(response.headers().firstValue("x-next").isPresent(), "declared x-next header is sent");
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("true", response.headers().firstValue("twin-sandbox").orElseThrow());
    }

    @Test
    void basePathOfTheServerUrlIsHonoured() throws Exception {
        assertEquals(404, http.get("/pets").statusCode());
    }

    @Test
    void pathParameterIsEchoedIntoTheIdField() throws Exception {
        JsonNode pet = Http.json(http.get("/v1/pets/42"));

        assertEquals(42, pet.get("id").asLong());
        assertTrue(pet.get("name").isTextual());
    }

    @Test
    void theSameRequestGetsTheSameBody() throws Exception {
        assertEquals(http.get("/v1/pets/7").body(), http.get("/v1/pets/7").body());
    }

    @Test
    void preferDynamicGeneratesFreshBodies() throws Exception {
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = http.get("/v1/pets/7", "Prefer", "dynamic=true");
            assertEquals(200, response.statusCode());
            assertEquals(7, Http.json(response).get("id").asLong());
            bodies.add(response.body());
        }
        assertTrue(bodies.size() > 1, "dynamic bodies differ between requests");
    }

    @Test
    void preferCodeAnswersWithTheDefaultResponseUnderThatStatus() throws Exception {
        HttpResponse<String> response = http.get("/v1/pets/7", "Prefer", "code=503");

        assertEquals(503, response.statusCode());
        JsonNode error = Http.json(response);
        assertTrue(error.get("code").isInt() && error.get("message").isTextual(), response.body());
    }

    @Test
    void createWithAValidBodyAnswersTheDocumented201WithoutBody() throws Exception {
        HttpResponse<String> response = http.send("POST", "/v1/pets", "application/json",
                "{\"id\": 1, \"name\": \"Rex\"}");

        assertEquals(201, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void invalidQueryParameterIsAnsweredWithTheDocumentedDefaultErrorNamingIt() throws Exception {
        HttpResponse<String> response = http.get("/v1/pets?limit=lots");

        assertEquals(422, response.statusCode());
        assertTrue(Http.json(response).has("message"), "the documented default Error: " + response.body());
        assertTrue(response.headers().firstValue("twin-violation").orElseThrow().startsWith("limit (query): "));
    }

    @Test
    void missingRequiredBodyPropertyIsRejectedNamingIt() throws Exception {
        HttpResponse<String> response = http.send("POST", "/v1/pets", "application/json", "{\"id\": 1}");

        assertEquals(422, response.statusCode());
        assertTrue(response.headers().firstValue("twin-violation").orElseThrow().contains("name"), response.body());
    }

    @Test
    void malformedJsonBodyIsA422WithAReason() throws Exception {
        HttpResponse<String> response = http.send("POST", "/v1/pets", "application/json", "{\"id\": ");

        assertEquals(422, response.statusCode());
        assertFalse(response.headers().firstValue("twin-violation").orElseThrow().isBlank());
    }

    @Test
    void oversizedBodyIsA413WithAReason() throws Exception {
        HttpResponse<String> response = http.send("POST", "/v1/pets", "application/json",
                "{\"name\": \"" + "x".repeat(10_000) + "\"}");

        assertEquals(413, response.statusCode());
        assertTrue(Http.json(response).at("/error/message").asText().contains("4096"));
    }

    @Test
    void unknownPathIsAJson404() throws Exception {
        HttpResponse<String> response = http.get("/v1/owners");

        assertEquals(404, response.statusCode());
        assertEquals("not_found", Http.json(response).at("/error/type").asText());
    }

    @Test
    void unknownMethodIsA405ListingTheAllowedMethods() throws Exception {
        HttpResponse<String> response = http.send("PUT", "/v1/pets", "application/json", "{}");

        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD, POST", response.headers().firstValue("allow").orElseThrow());
        assertEquals("method_not_allowed", Http.json(response).at("/error/type").asText());
    }

    @Test
    void unacceptableMediaTypeIsA406WithTheDocumentedDefaultError() throws Exception {
        HttpResponse<String> response = http.get("/v1/pets", "Accept", "application/xml");

        assertEquals(406, response.statusCode());
        assertTrue(response.headers().firstValue("twin-violation").orElseThrow().startsWith("Accept (header): "));
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() throws Exception {
        String body = http.get("/v1/pets/3").body();
        HttpResponse<String> head = http.send(http.request("/v1/pets/3")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                head.headers().firstValue("content-length").orElseThrow());
    }

    @Test
    void adminHealthAndRoutesDescribeTheServedOperations() throws Exception {
        assertEquals("ok", Http.json(http.get("/__twin/health")).get("status").asText());
        JsonNode routes = Http.json(http.get("/__twin/routes")).get("routes");

        assertEquals(3, routes.size());
        assertEquals("GET", routes.get(2).get("method").asText());
        assertEquals("/v1/pets/{petId}", routes.get(2).get("path").asText());
        assertEquals("petstore.showPetById", routes.get(2).get("operation").asText());
    }

    @Test
    void requestJournalRecordsHowEachRequestWasAnswered() throws Exception {
        http.get("/v1/pets/99?journal=yes");

        JsonNode entry = Http.json(http.get("/__twin/requests")).get("requests").get(0);
        assertEquals("/v1/pets/99", entry.get("path").asText());
        assertEquals(200, entry.get("status").asInt());
        assertEquals("petstore.showPetById", entry.get("operation").asText());
        assertEquals("generated", entry.get("source").asText());
    }
}
