package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code server.json} and {@code server.etag}: the twin's answer is byte for byte what an Express server
 * ({@code res.json} with {@code json spaces: 2}) sends for the same value, and so is its weak ETag. The expected
 * bytes and tag below were taken from json-server 0.17.4 answering this list.
 */
class ApiAnswerStyleTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EXPRESS_BODY = "[\n  {\n    \"id\": 1,\n    \"title\": \"a\",\n    \"views\": 3\n  }\n]";
    private static final String EXPRESS_ETAG = "W/\"39-2damULQIW9SNmYgCgLGiYd8rxfE\"";

    @TempDir
    static Path dir;
    private static Twin server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("posts.yaml"), """
                openapi: 3.0.3
                info: {title: posts, version: '1'}
                paths:
                  /posts:
                    get:
                      operationId: listPosts
                      responses:
                        '200':
                          description: the posts
                          content:
                            application/json:
                              example: [{id: 1, title: a, views: 3}]
                  /packages/hello:
                    get:
                      operationId: readPackage
                      responses:
                        '200':
                          description: a packument
                          content:
                            application/json:
                              example: {dist: {tarball: 'http://127.0.0.1:4873/hello/-/hello-1.0.0.tgz'},
                                        mirror: 'http://127.0.0.1:48730/elsewhere'}
                  /empty:
                    get:
                      operationId: empty
                      responses:
                        '200':
                          description: nothing yet
                          content:
                            application/json:
                              example: {items: [], meta: {}}
                """);
        Files.writeString(dir.resolve("twin.yaml"), """
                imports:
                  - {path: posts.yaml, as: posts}
                server:
                  json: {indent: 2}
                  etag: weak-sha1
                  rebase: ['http://127.0.0.1:4873']
                """);
        server = Twin.builder().config(ConfigLoader.load(dir.resolve("twin.yaml"))).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenAnExpressLayout_whenAnswered_thenTheBytesAndTheWeakEtagAreExpresss() throws Exception {
        HttpResponse<String> answer = get("/posts", null);

        assertEquals(EXPRESS_BODY, answer.body());
        assertEquals(EXPRESS_ETAG, answer.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void givenTheTagOfTheCurrentAnswer_whenAskedIfNoneMatch_thenTheAnswerIs304WithoutABody() throws Exception {
        HttpResponse<String> answer = get("/posts", EXPRESS_ETAG);

        assertEquals(304, answer.statusCode());
        assertEquals("", answer.body());
        assertEquals(200, get("/posts", "W/\"39-stale\"").statusCode());
    }

    @Test
    void givenEmptyContainers_whenLaidOut_thenTheyAreWrittenAsJavaScriptDoes() throws Exception {
        assertEquals("{\n  \"items\": [],\n  \"meta\": {}\n}", get("/empty", null).body());
    }

    @Test
    void givenAnErrorWithABody_whenAnswered_thenItCarriesADigestOfItsOwnBytes() throws Exception {
        HttpResponse<String> missing = get("/nowhere", null);

        assertEquals(404, missing.statusCode());
        assertEquals(dev.twin.replayer.config.EtagScheme.WEAK_SHA1.tagOf(
                missing.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                missing.headers().firstValue("ETag").orElse(null));
        assertTrue(missing.body().contains("\n  \""), "laid out too: " + missing.body());
    }

    @Test
    void givenTheRecordedApisOwnOrigin_whenAnswered_thenLinksLeadToTheTwinInstead() throws Exception {
        String body = get("/packages/hello", null).body();

        assertTrue(body.contains("\"tarball\": \"" + server.baseUrl() + "/hello/-/hello-1.0.0.tgz\""), body);
        assertTrue(body.contains("http://127.0.0.1:48730/elsewhere"), "another port is another origin: " + body);
    }

    @Test
    void givenAnAdminRoute_whenAnswered_thenItIsNotStyled() throws Exception {
        HttpResponse<String> health = get("/__twin/health", null);

        assertEquals(200, health.statusCode());
        assertTrue(health.headers().firstValue("ETag").isEmpty());
    }

    private static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
