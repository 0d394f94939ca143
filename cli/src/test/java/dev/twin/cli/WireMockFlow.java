package dev.twin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A scripted client of WireMock's admin API (a real, stateful upstream): stub mappings created, listed, read,
 * replaced, deleted and read again (404). Ids come from the answers, as a real client's would.
 */
final class WireMockFlow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private WireMockFlow(String base) {
        this.base = base;
    }

    static void run(String baseUrl) throws IOException, InterruptedException {
        new WireMockFlow(baseUrl).script();
    }

    private void script() throws IOException, InterruptedException {
        String first = JSON.readTree(call("POST", "/__admin/mappings", stub("/hello", 200, "hi"))).path("id").asText();
        String second = JSON.readTree(call("POST", "/__admin/mappings", stub("/bye", 200, "bye"))).path("id").asText();
        call("GET", "/__admin/mappings", null);
        call("GET", "/__admin/mappings/" + first, null);
        call("PUT", "/__admin/mappings/" + first, stub("/hello", 201, "hello again"));
        call("GET", "/__admin/mappings/" + first, null);
        call("DELETE", "/__admin/mappings/" + second, null);
        call("GET", "/__admin/mappings/" + second, null);
        call("GET", "/__admin/mappings", null);
    }

    private static String stub(String url, int status, String body) {
        return """
                {"request":{"method":"GET","url":"%s"},"response":{"status":%d,"body":"%s"}}"""
                .formatted(url, status, body);
    }

    private String call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer sk_test_flow");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
