package dev.twin.replayer.internal.sandbox;

import dev.twin.replayer.Twin;
import dev.twin.replayer.testing.YamlTwin;
import dev.twin.replayer.config.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A small twin for sandbox tests: a "things" API (list, create, get, bound to a table) plus whatever sandbox
 * sections a test appends, served on 127.0.0.1 as {@code twin serve} serves it.
 */
public final class SandboxFixture implements AutoCloseable {
    public static final String SPEC = """
            openapi: 3.0.3
            info: {title: things, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses: {'200': {description: ok}}
                post:
                  operationId: createThing
                  requestBody:
                    required: true
                    content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}
                  responses: {'201': {description: created}}
              /things/{id}:
                get:
                  operationId: getThing
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: ok}}
              /ping:
                get:
                  operationId: ping
                  responses: {'200': {description: ok, content: {application/json: {example: {pong: true}}}}}
            """;

    public static final String BASE_YAML = """
            imports:
              - {path: spec.yaml, as: things}
            conventions:
              errors: {wrap: error}
            tables:
              - {name: things, idField: id, idStrategy: prefix, idPrefix: th_}
            extend:
              - {mock: things.listThings, table: things, action: list}
              - {mock: things.createThing, table: things, action: create}
              - {mock: things.getThing, table: things, action: get}
            """;

    /**
     * The things spec served with these {@code tables:} (a table named things among them), its list, create and get
     * operations bound to it: for tests of one table convention.
     */
    public static YamlTwin thingsTable(Path dir, String tables) throws IOException, ConfigException {
        return YamlTwin.serve(dir, SPEC, """
                imports:
                  - {path: spec.yaml, as: things}
                """ + tables + """
                extend:
                  - {mock: things.listThings, table: things, action: list}
                  - {mock: things.createThing, table: things, action: create}
                  - {mock: things.getThing, table: things, action: get}
                """);
    }

    private final Twin twin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxFixture(Twin twin) {
        this.twin = twin;
    }

    /** Writes spec.yaml and twin.yaml ({@link #BASE_YAML} + {@code sections}) into {@code dir}. */
    public static Path write(Path dir, String sections) {
        try {
            Files.writeString(dir.resolve("spec.yaml"), SPEC);
            return Files.writeString(dir.resolve("twin.yaml"), BASE_YAML + sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SandboxFixture start(Path dir, String sections) throws ConfigException {
        return start(dir, sections, Clock.systemUTC());
    }

    /** @param clock the rate limits' and events' clock (tests drain and refill buckets without sleeping) */
    public static SandboxFixture start(Path dir, String sections, Clock clock) throws ConfigException {
        return new SandboxFixture(Twin.builder().config(write(dir, sections)).clock(clock).start());
    }

    public String baseUrl() {
        return twin.baseUrl();
    }

    public int port() {
        return twin.port();
    }

    public HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(10));
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    public HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        return http.send(request(path, apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String apiKey, String json)
            throws IOException, InterruptedException {
        return http.send(request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        twin.close();
    }
}
