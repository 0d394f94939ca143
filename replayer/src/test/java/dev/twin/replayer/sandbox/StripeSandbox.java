package dev.twin.replayer.sandbox;

import com.stripe.Stripe;
import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.server.TwinServer;
import dev.twin.replayer.state.StateAdminEndpoints;
import dev.twin.replayer.state.TenantResolver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * examples/stripe with extra twin.yaml sections, served on 127.0.0.1 with the sandbox and the state admin endpoints,
 * and stripe-java pointed at it until {@link #close}.
 */
final class StripeSandbox implements AutoCloseable {
    private final TwinServer server;
    private final SandboxTwin sandbox;
    private final StatefulTwin tables;
    private final String previousBase;
    private final HttpClient http = HttpClient.newHttpClient();

    private StripeSandbox(TwinServer server, SandboxTwin sandbox, StatefulTwin tables, String previousBase) {
        this.server = server;
        this.sandbox = sandbox;
        this.tables = tables;
        this.previousBase = previousBase;
    }

    static StripeSandbox start(Path dir, String extraYaml) throws Exception {
        Path example = Path.of("..", "examples", "stripe").toAbsolutePath().normalize();
        String yaml = Files.readString(example.resolve("twin.yaml"))
                .replace("path: spec3.json", "path: " + example.resolve("spec3.json"));
        TwinConfig config = ConfigLoader.load(Files.writeString(dir.resolve("twin.yaml"), yaml + "\n" + extraYaml));
        StatefulTwin tables = StatefulTwin.inMemory(config, Clock.systemUTC());
        SandboxTwin sandbox = new SandboxTwin(tables);
        TwinServer server = TwinServer.builder().config(config).host("127.0.0.1").port(0).stateful(sandbox).start();
        sandbox.registerAdmin(server.adminRoutes());
        new StateAdminEndpoints(tables.store(), tables.idempotency(), new TenantResolver(config.tenancy()))
                .register(server.adminRoutes());
        String previousBase = Stripe.getApiBase();
        Stripe.overrideApiBase(server.baseUrl());
        return new StripeSandbox(server, sandbox, tables, previousBase);
    }

    StatefulTwin tables() {
        return tables;
    }

    SandboxTwin sandbox() {
        return sandbox;
    }

    /** {@code POST /__twin/reset} plus {@code query} (e.g. {@code ?tenant=sk_test_a}); the status. */
    int reset(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__twin/reset" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        Stripe.overrideApiBase(previousBase);
        server.close();
        sandbox.close();
        tables.store().close();
    }
}
