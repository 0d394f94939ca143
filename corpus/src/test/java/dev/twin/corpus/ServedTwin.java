package dev.twin.corpus;

import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.sandbox.SandboxTwin;
import dev.twin.replayer.server.TwinServer;
import dev.twin.replayer.state.StateAdminEndpoints;
import dev.twin.replayer.state.TenantResolver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A {@code twin infer} directory served exactly as {@code twin serve DIR --port 0} serves it: the server over the
 * sandbox (scenarios, faults, rate limits, events) over in-memory tables, with the state and sandbox admin routes.
 * Any twin directory serves this way, so a hand-written twin (examples/stripe) can also be a corpus API's upstream.
 *
 * <p>This copies the recipe of cli's {@code RunningTwin} and {@code StateOptions}, which are package-private in the
 * cli; issue #15 will replace this class with a {@code Twin} entry point.
 */
final class ServedTwin implements Upstream {
    private final TwinServer server;
    private final SandboxTwin sandbox;
    private final StatefulTwin tables;

    private ServedTwin(TwinServer server, SandboxTwin sandbox, StatefulTwin tables) {
        this.server = server;
        this.sandbox = sandbox;
        this.tables = tables;
    }

    static ServedTwin start(Path twinDir) throws ConfigException {
        Path configFile = twinDir.resolve(ConfigLoader.FILE_NAME);
        TwinConfig config = ConfigLoader.load(configFile);
        StatefulTwin tables = StatefulTwin.inMemory(config, Clock.systemUTC());
        SandboxTwin sandbox = new SandboxTwin(tables);
        TwinServer server;
        try {
            server = TwinServer.builder().configFile(configFile, config).host("127.0.0.1").port(0)
                    .stateful(sandbox).start();
        } catch (ConfigException | RuntimeException e) {
            sandbox.close();
            tables.store().close();
            throw e;
        }
        new StateAdminEndpoints(tables.store(), tables.idempotency(), new TenantResolver(config.tenancy()))
                .register(server.adminRoutes());
        sandbox.registerAdmin(server.adminRoutes());
        return new ServedTwin(server, sandbox, tables);
    }

    @Override
    public URI baseUrl() {
        return URI.create(server.baseUrl());
    }

    @Override
    public void close() {
        server.close();
        sandbox.close();
        tables.store().close();
    }
}
