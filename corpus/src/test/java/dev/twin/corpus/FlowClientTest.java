package dev.twin.corpus;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowClientTest {
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startAServerThatCreatesPosts() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/posts", exchange -> {
            String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = ("{\"id\":4,\"self\":\"" + base + "/posts/4\",\"sent\":" + sent + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().add("Location", base + "/posts/4");
            exchange.getResponseHeaders().add("X-Request-Id", "r-1");
            exchange.getResponseHeaders().add("X-Custom", "kept");
            exchange.getResponseHeaders().add("ETag", md5(body));
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void givenAJsonPost_whenSent_thenTheStepKeepsStatusBodyAndTheHeadersThatMatter() throws Exception {
        FlowClient client = new FlowClient(base, Set.of("X-Custom"), List.of());

        Step step = client.postJson("create", "/posts", "{\"title\":\"a\"}");

        assertEquals(201, step.status());
        assertEquals("{base}/posts/4", step.header("Location"));
        assertEquals("{base}/posts/4", step.json().path("self").asText());
        assertEquals("a", step.json().path("sent").path("title").asText());
        // the tag is the MD5 of the bytes sent, which hold this server's port: kept as the MD5 of the kept body
        assertEquals(Map.of("content-type", "application/json", "location", "{base}/posts/4", "x-custom", "kept",
                "etag", md5(step.body().getBytes(StandardCharsets.UTF_8))), step.headers());
        assertEquals(List.of(step), client.transcript().steps());
        assertTrue(client.transcript().requests().get(0).values().contains("a"));
    }

    @Test
    void givenAStepNameUsedTwice_whenSent_thenTheClientRejectsIt() throws Exception {
        FlowClient client = new FlowClient(base);
        client.postJson("create", "/posts", "{}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> client.postJson("create", "/posts", "{}"));

        assertTrue(error.getMessage().contains("'create' is used twice"), error.getMessage());
        assertEquals(1, client.steps().size());
    }

    @Test
    void givenAnSdkDrivenStep_whenRecorded_thenTheTranscriptHoldsWhatTheSdkReturned() {
        FlowClient client = new FlowClient(base);

        Step step = client.record("create-customer", 200, "{\"id\":\"cus_1\"}");

        assertEquals("cus_1", step.json().path("id").asText());
        assertEquals(List.of(step), client.steps());
    }

    private static String md5(byte[] bytes) {
        try {
            return "\"" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(bytes)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
