package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A twin serving one of the examples on a free port of 127.0.0.1, with a small form-posting HTTP client. */
final class RunningTwin implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Twin twin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningTwin(Twin twin) {
        this.twin = twin;
    }

    /** @param example {@code stripe} or {@code twilio}: the directory under the repository's examples/ */
    static RunningTwin example(String example) throws Exception {
        return of(Path.of("..", "examples", example, "twin.yaml"));
    }

    static RunningTwin of(Path configFile) throws Exception {
        return new RunningTwin(Twin.serve(configFile));
    }

    String baseUrl() {
        return twin.baseUrl();
    }

    int port() {
        return twin.port();
    }

    Reply get(String path, String apiKey) throws IOException, InterruptedException {
        return send(request(path, apiKey).GET().build());
    }

    Reply delete(String path, String apiKey) throws IOException, InterruptedException {
        return send(request(path, apiKey).DELETE().build());
    }

    Reply postForm(String path, String apiKey, Map<String, String> form) throws IOException, InterruptedException {
        return postForm(path, apiKey, form, Map.of());
    }

    Reply postForm(String path, String apiKey, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = request(path, apiKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** Posts {@code body} exactly as given (already encoded), for requests no client library would build. */
    Reply postRaw(String path, String apiKey, String contentType, String body)
            throws IOException, InterruptedException {
        return send(request(path, apiKey).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body, response);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @Override
    public void close() {
        twin.close();
    }
}
