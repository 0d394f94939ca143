package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.Import;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A twin with {@code stateful: auto} on 127.0.0.1 and a free port, started through {@link Twin} as
 * {@code twin serve} starts one (in memory, or over a {@code --state} file). With a small JDK HTTP client for
 * requests no SDK makes.
 */
final class AutoTwin implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Twin twin;
    private final TwinConfig loaded;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AutoTwin(Twin twin, TwinConfig loaded) {
        this.twin = twin;
        this.loaded = loaded;
    }

    /** {@code twin serve --spec FILE --stateful}. */
    static AutoTwin ofSpec(Path spec) throws Exception {
        return ofSpec(spec, null);
    }

    /** {@code twin serve --spec FILE --stateful --state STATE}. */
    static AutoTwin ofSpec(Path spec, Path stateFile) throws Exception {
        TwinConfig config = ConfigLoader.forSpecs(List.of(spec));
        Twin twin = Twin.builder().config(config).statefulAuto().port(0).state(stateFile).start();
        return new AutoTwin(twin, config.withStateful(config.stateful().turnedOn()));
    }

    /** {@code twin serve DIR} for a twin.yaml (which says {@code stateful: auto}). */
    static AutoTwin ofConfig(Path twinYaml) throws Exception {
        TwinConfig config = ConfigLoader.load(twinYaml);
        return new AutoTwin(Twin.builder().config(twinYaml, config).port(0).start(), config);
    }

    String baseUrl() {
        return twin.baseUrl();
    }

    /** The configuration served: what twin.yaml says, with what stateful: auto derived. */
    TwinConfig config() {
        return twin.internals().server().api().config();
    }

    /** The resources {@code stateful: auto} made stateful, as it recognised them in the specs. */
    List<ResourceTable> resources() throws Exception {
        List<SpecDocument> specs = new ArrayList<>();
        for (Import spec : loaded.imports()) {
            specs.add(SpecLoader.load(spec.path(), spec.as()));
        }
        return StatefulAuto.resources(loaded, specs);
    }

    Reply get(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).GET());
    }

    Reply delete(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).DELETE());
    }

    Reply postForm(String path, String key, String form) throws IOException, InterruptedException {
        return send(request(path, key).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Reply sendJson(String method, String path, String key, String json) throws IOException, InterruptedException {
        return send(request(path, key).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(20));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body, response);
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @Override
    public void close() {
        twin.close();
    }
}
