package dev.twin.redis;

import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.state.StateException;
import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script sent without waiting (a pipelined commit) fails as the twin's 503 when Redis dies under it, never as a
 * 500. (Lettuce may fail such a command with the connection's own error, a reset connection's IOException, as
 * RedisOutageTest once met under load; here the command, held by CLIENT PAUSE, fails with Lettuce's own exception.)
 */
class RedisConnectionTest {
    private static final RedisScript CHECK = RedisScript.load("check", "changes");

    @Test
    void aScriptOnItsWayWhenRedisDiesFailsAsUnavailable(@TempDir Path dir) throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             RedisConnection connection = RedisConnection.open(RedisLocation.of(redis.url("?timeout=5s")));
             RedisConnection pausing = RedisConnection.open(RedisLocation.of(redis.url("")))) {
            pausing.call(commands -> commands.clientPause(60_000)); // Redis holds every client's next command
            CompletableFuture<Object> sent = connection.send(CHECK, ScriptOutputType.MULTI, "pfx", "t_x", "-", "0",
                    "0").toCompletableFuture();

            redis.kill();

            ExecutionException failed = assertThrows(ExecutionException.class, () -> sent.get(60, TimeUnit.SECONDS));
            StateException unavailable = assertInstanceOf(StateException.class, failed.getCause());
            assertEquals(ErrorKind.UNAVAILABLE, unavailable.error().kind());
            assertTrue(unavailable.getMessage().contains("cannot be reached"), unavailable.getMessage());
        }
    }

    /** {@code send} times its commands itself (Lettuce's timer would hold each command until its next tick). */
    @Test
    void aScriptSentOrCalledPastTheTimeoutFailsAsUnavailableNamingTheTimeout(@TempDir Path dir) throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             RedisConnection connection = RedisConnection.open(RedisLocation.of(redis.url("?timeout=300ms")));
             RedisConnection pausing = RedisConnection.open(RedisLocation.of(redis.url("")))) {
            // loads the script ('lost': no twin's keys here)
            assertEquals("lost", connection.<List<Object>>send(CHECK, ScriptOutputType.MULTI, "pfx", "t_x", "-", "0",
                    "0").toCompletableFuture().get(30, TimeUnit.SECONDS).get(0));
            pausing.call(commands -> commands.clientPause(60_000)); // Redis holds every client's next command
            CompletableFuture<Object> sent = connection.send(CHECK, ScriptOutputType.MULTI, "pfx", "t_x", "-", "0",
                    "0").toCompletableFuture();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> sent.get(30, TimeUnit.SECONDS));
            StateException timedOut = assertInstanceOf(StateException.class, failed.getCause());
            StateException called = assertThrows(StateException.class,
                    () -> connection.run(CHECK, ScriptOutputType.MULTI, "pfx", "t_x", "-", "0", "0"));

            assertEquals(ErrorKind.UNAVAILABLE, timedOut.error().kind());
            assertTrue(timedOut.getMessage().contains("no answer within 300 ms"), timedOut.getMessage());
            assertEquals(ErrorKind.UNAVAILABLE, called.error().kind());
            assertTrue(called.getMessage().contains("timed out"), called.getMessage());
        }
    }
}
