package dev.twin.redis;

import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Group commit against a real Redis: commits sent while a call is on its way (held back by a gate on its reply, not a
 * sleep) go out together as one call once it answered, in the order sent, each applied or refused on its own as
 * separate calls would have been: a commit following one that was refused is stale, and nothing of either lands.
 */
class RedisCommitsTest {
    private static final String PREFIX = "gc";
    private static final String TENANT = "t_alice";

    @TempDir
    Path dir;
    private RedisServer redis;
    private RedisConnection connection;
    private final CompletableFuture<Void> gate = new CompletableFuture<>();
    /** The scripts called, in order, and how many commits each carried. */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private RedisCommits commits;

    @BeforeEach
    void start() {
        redis = RedisServer.start(dir);
        connection = RedisConnection.open(RedisLocation.of(redis.url("")));
        connection.call(commands -> commands.set(PREFIX + ":epoch", "e1"));
        commits = new RedisCommits((script, args) -> {
            calls.add(script.name() + (script.name().equals("commits") ? " " + args[1] : ""));
            CompletionStage<List<Object>> sent = connection.send(script, ScriptOutputType.MULTI, args);
            return calls.size() == 1 ? sent.thenCombine(gate, (reply, open) -> reply) : sent;
        }, PREFIX);
    }

    @AfterEach
    void stop() {
        gate.complete(null);
        connection.close();
        redis.close();
    }

    @Test
    void commitsSentWhileACallIsOnItsWayGoOutAsOneCallAndEachLands() throws Exception {
        CompletableFuture<List<Object>> first = send("t1", "", "e1/", 0, "row1");
        CompletableFuture<List<Object>> second = send("t2", "t1", "e1/t1", 1, "row2");
        CompletableFuture<List<Object>> third = send("t3", "t2", "e1/t1", 2, "row3");
        assertEquals(List.of("commit"), calls, "the second and third wait for the first call's reply");
        assertFalse(second.isDone());

        gate.complete(null);

        assertEquals(List.of("ok", "e1/t1", 1L), first.get());
        assertEquals(List.of("ok", "e1/t1", 2L), second.get());
        assertEquals(List.of("ok", "e1/t1", 3L), third.get());
        assertEquals(List.of("commit", "commits 2"), calls, "then went out together, as one call");
        long rows = connection.call(commands -> commands.hlen(PREFIX + ":e:e1:t:" + TENANT + ":rows"));
        assertEquals(3, rows);
    }

    @Test
    void inOneCallACommitThatIsRefusedLandsNothingAndTheOneFollowingItIsStale() throws Exception {
        CompletableFuture<List<Object>> first = send("t1", "", "e1/", 0, "row1");
        CompletableFuture<List<Object>> refused = send("t2", "t1", "e1/t1", 7, "row2"); // not the version it holds
        CompletableFuture<List<Object>> stale = send("t3", "t2", "e1/t1", 2, "row3");
        CompletableFuture<List<Object>> alone = send("t4", "t1", "e1/t1", 1, "row4"); // follows the first: lands

        gate.complete(null);

        assertEquals("ok", first.get().get(0));
        assertEquals("conflict", refused.get().get(0));
        assertEquals(List.of("stale"), stale.get());
        assertEquals(List.of("ok", "e1/t1", 2L), alone.get());
        assertEquals(List.of("commit", "commits 3"), calls);
        assertEquals(List.of("row1", "row4"), new ArrayList<>(connection.call(commands ->
                commands.hkeys(PREFIX + ":e:e1:t:" + TENANT + ":rows"))).stream().sorted().toList());
    }

    /** A commit of one row ({@code commit.lua}'s arguments after the prefix). */
    private CompletableFuture<List<Object>> send(String token, String follows, String epoch, long version,
                                                 String row) {
        return commits.send(new String[]{TENANT, epoch, Long.toString(version), "0", "10", "0", token, "", "", "0",
                follows, "0", "1", row, "{}", "0", "0"}).toCompletableFuture();
    }
}
