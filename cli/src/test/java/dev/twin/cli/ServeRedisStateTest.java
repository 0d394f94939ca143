package dev.twin.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twin serve --state redis://...}: the command line finds the Redis state store (module twin-state-redis)
 * and a Redis it cannot reach is a clear exit 2, not a stack trace. (Serving on Redis is tested in state-redis.)
 */
class ServeRedisStateTest {
    private static final Path SPEC = Path.of("..", "replayer", "src", "test", "resources", "stateful-auto",
            "things-3.0.yaml");

    @Test
    void aRedisThatCannotBeReachedIsNamedWithExit2() {
        CliRun.Result result = CliRun.run("serve", "--spec", SPEC.toString(), "--port", "0",
                "--state", "redis://twin:s3cret@127.0.0.1:1/0");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("cannot reach the state store redis://127.0.0.1:1/0"), result.err());
        assertTrue(!result.err().contains("s3cret") && !result.err().contains("\tat "), result.err());
    }

    @Test
    void aCacertThatCannotBeReadIsNamedWithExit2BeforeAnyConnection() {
        CliRun.Result result = CliRun.run("serve", "--spec", SPEC.toString(), "--port", "0",
                "--state", "rediss://127.0.0.1:1/0?cacert=no-such-ca.pem");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("cacert " + Path.of("no-such-ca.pem").toAbsolutePath()
                + " is not a PEM file of CA certificates"), result.err());
        assertTrue(!result.err().contains("\tat "), result.err());
    }

    @Test
    void aStateUrlOfAnotherSchemeIsRefusedNamingWhatWorks() {
        CliRun.Result result = CliRun.run("serve", "--spec", SPEC.toString(), "--port", "0",
                "--state", "memcached://127.0.0.1:11211");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("redis:// or rediss://"), result.err());
    }
}
