package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;
import dev.twin.replayer.Twin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin clock} against a running twin whose clock stands still (clock: manual). */
class ClockCommandTest {
    @TempDir
    static Path dir;
    private static Twin twin;

    @BeforeAll
    static void startTwin() throws Exception {
        Files.copy(Path.of("..", "examples", "petstore", "petstore.yaml"), dir.resolve("petstore.yaml"));
        Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: petstore.yaml, as: petstore}\n"
                + "clock: {mode: manual, start: \"2024-05-01T12:00:00Z\"}\n");
        twin = Twin.builder().config(dir.resolve("twin.yaml")).start();
    }

    @AfterAll
    static void stopTwin() {
        twin.close();
    }

    @Test
    void clockShowsTheTimeAndAdvanceMovesIt() {
        Result advanced = run("clock", "advance", "90s", "--url", twin.baseUrl());
        Result shown = run("clock", "--url", twin.baseUrl());

        assertEquals(0, advanced.exitCode(), advanced.err());
        assertTrue(advanced.out().matches("now 2024-05-01T12:\\d\\d:\\d\\dZ \\(manual clock\\), 0 transitions applied, "
                + "0 rows waiting\\n"), advanced.out());
        assertEquals(0, shown.exitCode(), shown.err());
        assertEquals("now " + twin.now() + " (manual clock), 0 rows waiting\n", shown.out());
        assertTrue(twin.now().isAfter(Instant.parse("2024-05-01T12:01:29Z")));
    }

    @Test
    void aDurationThatIsNotOneIsExitCode2WithTheTwinsReason() {
        Result result = run("clock", "advance", "soon", "--url", twin.baseUrl());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("\"advance\" must be a duration"), result.err());
    }

    @Test
    void anUnknownActionIsExitCode2() {
        Result result = run("clock", "rewind", "--url", twin.baseUrl());

        assertEquals(2, result.exitCode());
        assertEquals("twin clock: unknown action 'rewind': use `twin clock` or `twin clock advance 30s`\n",
                result.err());
    }
}
