package dev.twin.inference.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted client of WireMock's admin API: stub mappings created, listed, read, replaced, deleted, read again
 * (404), the request journal read. Ids come from the answers, so the same flow runs against WireMock and the twin.
 */
final class AdminFlow {
    static final ObjectMapper JSON = new ObjectMapper();

    record Step(String method, String path, int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final List<Step> steps = new ArrayList<>();

    private AdminFlow(String base) {
        this.base = base;
    }

    static List<Step> run(String baseUrl) throws IOException, InterruptedException {
        AdminFlow flow = new AdminFlow(baseUrl);
        flow.script();
        return flow.steps;
    }

    private void script() throws IOException, InterruptedException {
        String first = call("POST", "/__admin/mappings", stub("/hello", 200, "hi")).body().path("id").asText();
        String second = call("POST", "/__admin/mappings", stub("/bye", 200, "bye")).body().path("id").asText();
        call("POST", "/__admin/mappings", stub("/third", 202, "third"));
        call("GET", "/__admin/mappings", null);
        call("GET", "/__admin/mappings/" + first, null);
        call("GET", "/__admin/mappings/" + second, null);
        call("PUT", "/__admin/mappings/" + first, stub("/hello", 201, "hello again"));
        call("GET", "/__admin/mappings/" + first, null);
        call("DELETE", "/__admin/mappings/" + second, null);
        call("GET", "/__admin/mappings/" + second, null);
        call("GET", "/__admin/mappings", null);
        call("GET", "/__admin/requests", null);
        call("GET", "/__admin/health", null);
        call("GET", "/__admin/scenarios", null);
    }

    private static String stub(String url, int status, String body) {
        return """
                {"request":{"method":"GET","url":"%s"},"response":{"status":%d,"body":"%s"}}"""
                .formatted(url, status, body);
    }

    private Step call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer sk_test_flow");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        if (!response.body().isBlank()) {
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = JSON.getNodeFactory().textNode(response.body());
            }
        }
        Step step = new Step(method, path, response.statusCode(), body == null ? JSON.missingNode() : body);
        steps.add(step);
        return step;
    }
}
