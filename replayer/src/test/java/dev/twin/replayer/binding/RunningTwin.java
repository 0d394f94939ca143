package dev.twin.replayer.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.server.TwinServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A twin serving one of the examples on a free port of 127.0.0.1, with a small form-posting HTTP client. */
final class RunningTwin implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final TwinServer server;
    private final StatefulTwin stateful;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningTwin(TwinServer server, StatefulTwin stateful) {
        this.server = server;
        this.stateful = stateful;
    }

    /** @param example {@code stripe} or {@code twilio}: the directory under the repository's examples/ */
    static RunningTwin example(String example) throws Exception {
        return of(Path.of("..", "examples", example, "twin.yaml"));
    }

    static RunningTwin of(Path configFile) throws Exception {
        TwinConfig config = ConfigLoader.load(configFile);
        StatefulTwin stateful = StatefulTwin.inMemory(config, Clock.systemUTC());
        TwinServer server = TwinServer.builder().config(config).host("127.0.0.1").port(0)
                .stateful(new dev.twin.replayer.sandbox.SandboxTwin(stateful)).start();
        return new RunningTwin(server, stateful);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    int port() {
        return server.port();
    }

    StatefulTwin stateful() {
        return stateful;
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
        server.close();
        stateful.store().close();
    }
}
