package dev.twin.cli;

import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.sandbox.SandboxTwin;
import dev.twin.replayer.server.TwinServer;

import java.nio.file.Path;

/**
 * A twin assembled the way {@code twin serve} runs it: the server, the tables, and the sandbox (scenarios, faults,
 * rate limits, events) in front of the tables, with the state admin endpoints. {@code serve} and {@code verify}
 * both start their twin here. Closing stops the server, then the sandbox, then releases the state store.
 */
final class RunningTwin implements AutoCloseable {
    private final TwinServer server;
    private final SandboxTwin sandbox;
    private final StatefulTwin tables;

    private RunningTwin(TwinServer server, SandboxTwin sandbox, StatefulTwin tables) {
        this.server = server;
        this.sandbox = sandbox;
        this.tables = tables;
    }

    /** A builder reading the twin.yaml (reloadable) when there is one, else serving the loaded bare specs. */
    static TwinServer.Builder builder(Path configFile, TwinConfig config) {
        TwinServer.Builder builder = TwinServer.builder();
        return configFile != null ? builder.configFile(configFile, config) : builder.config(config);
    }

    /**
     * Starts the server over these tables. When it cannot start, the tables' store is closed (releasing a
     * {@code --state} file) before the exception is rethrown.
     */
    static RunningTwin start(TwinServer.Builder builder, TwinConfig config, StatefulTwin tables)
            throws ConfigException {
        SandboxTwin sandbox = new SandboxTwin(tables);
        TwinServer server;
        try {
            server = builder.stateful(sandbox).start();
        } catch (ConfigException | RuntimeException e) {
            sandbox.close();
            tables.store().close();
            throw e;
        }
        StateOptions.registerAdmin(server, tables, config);
        sandbox.registerAdmin(server.adminRoutes());
        return new RunningTwin(server, sandbox, tables);
    }

    TwinServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        sandbox.close();
        tables.store().close();
    }
}
