package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin trigger EVENT} against a running petstore twin. */
class TriggerCommandTest {
    @TempDir
    static Path dir;
    private static SandboxedPetstore server;

    @BeforeAll
    static void startTwin() throws Exception {
        server = SandboxedPetstore.start(dir);
    }

    @AfterAll
    static void stopTwin() {
        server.close();
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
