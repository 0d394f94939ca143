package dev.twin.replayer.sandbox;

import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.server.TwinServer;
import dev.twin.replayer.state.StateAdminEndpoints;
import dev.twin.replayer.state.TenantResolver;

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
 * sections a test appends, served on 127.0.0.1 with {@link SandboxTwin} in front of the tables.
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

    private final TwinServer server;
    private final StatefulTwin tables;
    private final SandboxTwin sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxFixture(TwinServer server, StatefulTwin tables, SandboxTwin sandbox) {
        this.server = server;
        this.tables = tables;
        this.sandbox = sandbox;
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
        return start(dir, sections, SandboxTwin.Options.DEFAULTS);
    }

    public static SandboxFixture start(Path dir, String sections, SandboxTwin.Options options)
            throws ConfigException {
        TwinConfig config = ConfigLoader.load(write(dir, sections));
        StatefulTwin tables = StatefulTwin.inMemory(config, Clock.systemUTC());
        SandboxTwin sandbox = new SandboxTwin(tables, options);
        TwinServer server = TwinServer.builder().config(config).host("127.0.0.1").port(0).stateful(sandbox).start();
        sandbox.registerAdmin(server.adminRoutes());
        new StateAdminEndpoints(tables.store(), tables.idempotency(), new TenantResolver(config.tenancy()))
                .register(server.adminRoutes());
        return new SandboxFixture(server, tables, sandbox);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public SandboxTwin sandbox() {
        return sandbox;
    }

    public StatefulTwin tables() {
        return tables;
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
        server.close();
        sandbox.close();
        tables.store().close();
    }
}
