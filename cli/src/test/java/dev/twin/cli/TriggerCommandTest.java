package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;

import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.sandbox.SandboxTwin;
import dev.twin.replayer.server.TwinServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin trigger EVENT} against a running petstore twin. */
class TriggerCommandTest {
    @TempDir
    static Path dir;
    private static TwinServer server;
    private static StatefulTwin stateful;


    @BeforeAll
    static void startTwin() throws Exception {
        Files.copy(Path.of("..", "examples", "petstore", "petstore.yaml"), dir.resolve("petstore.yaml"));
        Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: petstore.yaml, as: petstore}\n");
        TwinConfig config = ConfigLoader.load(dir.resolve("twin.yaml"));
        stateful = StatefulTwin.inMemory(config, Clock.systemUTC());
        SandboxTwin sandbox = new SandboxTwin(stateful);
        server = TwinServer.builder().config(config).host("127.0.0.1").port(0).stateful(sandbox).start();
        sandbox.registerAdmin(server.adminRoutes());
    }

    @AfterAll
    static void stopTwin() {
        server.close();
        stateful.store().close();
    }

    @Test
    void triggerEmitsTheEventAndPrintsItsId() {
        Result result = run("trigger", "invoice.paid", "--url", server.baseUrl(), "--tenant", "sk_test_x",
                "--object", "{\"id\": \"in_1\"}");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().matches("Emitted invoice.paid as evt_[A-Za-z0-9]{24}\\n"), result.out());
    }

    @Test
    void objectThatIsNotJsonIsExitCode2() {
        Result result = run("trigger", "invoice.paid", "--url", server.baseUrl(), "--object", "{nope");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("twin trigger: --object is not JSON"), result.err());
    }

}
