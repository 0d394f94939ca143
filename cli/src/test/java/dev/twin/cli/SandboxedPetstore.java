package dev.twin.cli;

import dev.twin.replayer.admin.AdminAccess;
import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.sandbox.SandboxTwin;
import dev.twin.replayer.server.TwinServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A running petstore twin with the sandbox admin endpoints, for tests of commands that talk to a live twin. */
final class SandboxedPetstore implements AutoCloseable {
    private final TwinServer server;
    private final StatefulTwin tables;

    private SandboxedPetstore(TwinServer server, StatefulTwin tables) {
        this.server = server;
        this.tables = tables;
    }

    /** @param dir an empty folder for the twin.yaml and its spec */
    static SandboxedPetstore start(Path dir) throws Exception {
        return start(dir, AdminAccess.OPEN_ON_LOOPBACK);
    }

    /** @param admin who may use the admin API */
    static SandboxedPetstore start(Path dir, AdminAccess admin) throws Exception {
        Files.copy(Path.of("..", "examples", "petstore", "petstore.yaml"), dir.resolve("petstore.yaml"));
        Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: petstore.yaml, as: petstore}\n");
        TwinConfig config = ConfigLoader.load(dir.resolve("twin.yaml"));
        StatefulTwin tables = StatefulTwin.inMemory(config, Clock.systemUTC());
        SandboxTwin sandbox = new SandboxTwin(tables);
        TwinServer server = TwinServer.builder().config(config).host("127.0.0.1").port(0).stateful(sandbox).admin(admin)
                .start();
        sandbox.registerAdmin(server.adminRoutes());
        return new SandboxedPetstore(server, tables);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
        tables.store().close();
    }
}
