package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An idempotency key's record is part of the commit of the writes it answers (one Lua script): it exists exactly when
 * they do. A commit Redis applied after the twin gave up waiting is replayed to the retry; a commit Redis refused
 * leaves neither; two requests with one key racing on two replicas create once. (The tests stand in for the
 * timing of a real outage or race through the store's commit check, which runs just before a commit.)
 */
class IdempotentCommitTest {
    private static RedisServer redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static Path dir;

    @BeforeAll
    static void start(@TempDir Path tmp) {
        dir = tmp;
        redis = RedisServer.start(tmp.resolve("redis"));
        client = RedisClient.create(redis.url("").toString());
        connection = client.connect();
    }

    @AfterEach
    void writesAllowedAgain() {
        unpause();
        connection.sync().configSet("maxmemory", "0");
    }

    @AfterAll
    static void stop() {
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aCommitAppliedAfterTheTwinGaveUpIsReplayedToTheRetry() throws Exception {
        try (Replicas replicas = Replicas.start(dir.resolve("late"), redis.url("?prefix=late&timeout=1s"), 3, "")) {
            String key = "sk_test_late_commit";
            // the commit script in Redis's cache already: a paused EVALSHA must not come back NOSCRIPT after the wait
            assertEquals(200, replicas.send(0, "POST", "/v1/customers", "sk_test_warm_up", "name=Warm").statusCode());
            AtomicBoolean paused = new AtomicBoolean();
            // stands in for Redis going quiet between the work and its commit: the commit waits past the timeout
            replicas.get(0).internals().tables().store().checkBeforeCommit(tables -> {
                if (paused.compareAndSet(false, true)) {
                    pauseWrites();
                }
            });

            HttpResponse<String> first = replicas.send(0, "POST", "/v1/customers", key, "name=Late", "order-1");
            unpause();
            awaitTrue(() -> !keys("late:e:*:idem:*:order-1").isEmpty(), "the paused commit applied");
            HttpResponse<String> retried = replicas.send(1, "POST", "/v1/customers", key, "name=Late", "order-1");
            JsonNode listed = Replicas.json(replicas.send(2, "GET", "/v1/customers", key, null));

            assertEquals(503, first.statusCode(), first.body());
            assertEquals(200, retried.statusCode(), retried.body());
            assertEquals("true", retried.headers().firstValue("Idempotent-Replayed").orElse(null));
            assertEquals(1, listed.get("data").size(), listed.toString());
            assertEquals(listed.get("data").get(0).get("id").asText(), Replicas.json(retried).get("id").asText());
        }
    }

    @Test
    void aCommitRedisRefusesLeavesNeitherRowsNorRecordAndTheRetryCreatesOnce() throws Exception {
        try (Replicas replicas = Replicas.start(dir.resolve("full"), redis.url("?prefix=full"), 3, "")) {
            String key = "sk_test_refused_commit";
            connection.sync().configSet("maxmemory", "1"); // full: Redis refuses every write, answers reads

            HttpResponse<String> refused = replicas.send(0, "POST", "/v1/customers", key, "name=Once", "order-2");
            List<String> records = keys("full:e:*:idem:*");
            int listedWhileFull = Replicas.json(replicas.send(1, "GET", "/v1/customers", key, null)).get("data")
                    .size();
            connection.sync().configSet("maxmemory", "0");
            HttpResponse<String> created = replicas.send(1, "POST", "/v1/customers", key, "name=Once", "order-2");
            HttpResponse<String> replayed = replicas.send(2, "POST", "/v1/customers", key, "name=Once", "order-2");
            JsonNode listed = Replicas.json(replicas.send(0, "GET", "/v1/customers", key, null));

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals(List.of(), records);
            assertEquals(0, listedWhileFull);
            assertEquals(200, created.statusCode(), created.body());
            assertEquals(Replicas.json(created).get("id"), Replicas.json(replayed).get("id"));
            assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(null));
            assertEquals(1, listed.get("data").size(), listed.toString());
            assertEquals(1, keys("full:e:*:idem:*:order-2").size());
        }
    }

    @Test
    void twoRequestsWithOneKeyRacingOnTwoReplicasCreateOnce() throws Exception {
        try (Replicas replicas = Replicas.start(dir.resolve("race"), redis.url("?prefix=race&timeout=30s"), 2,
                "")) {
            String key = "sk_test_racing_key";
            firstCommitsWaitForEachOther(replicas);

            CompletableFuture<HttpResponse<String>> onA = post(replicas, 0, key, "name=Raced");
            CompletableFuture<HttpResponse<String>> onB = post(replicas, 1, key, "name=Raced");
            HttpResponse<String> a = onA.get(60, TimeUnit.SECONDS);
            HttpResponse<String> b = onB.get(60, TimeUnit.SECONDS);
            JsonNode listed = Replicas.json(replicas.send(0, "GET", "/v1/customers", key, null));

            assertEquals(200, a.statusCode(), a.body());
            assertEquals(200, b.statusCode(), b.body());
            assertEquals(Replicas.json(a).get("id"), Replicas.json(b).get("id"));
            assertEquals(1, listed.get("data").size(), listed.toString());
            assertTrue(a.headers().firstValue("Idempotent-Replayed").isPresent()
                    != b.headers().firstValue("Idempotent-Replayed").isPresent(), "one created, one replayed");
        }
    }

    @Test
    void aRacingRequestWithTheKeyAndOtherParametersIsRefusedAsAKeyInUse() throws Exception {
        try (Replicas replicas = Replicas.start(dir.resolve("mismatch"), redis.url("?prefix=mismatch&timeout=30s"),
                2, "")) {
            String key = "sk_test_racing_mismatch";
            firstCommitsWaitForEachOther(replicas);

            CompletableFuture<HttpResponse<String>> onA = post(replicas, 0, key, "name=First");
            CompletableFuture<HttpResponse<String>> onB = post(replicas, 1, key, "name=Second");
            List<Integer> statuses = List.of(onA.get(60, TimeUnit.SECONDS).statusCode(),
                    onB.get(60, TimeUnit.SECONDS).statusCode());
            HttpResponse<String> refused = statuses.get(0) == 400 ? onA.get() : onB.get();
            JsonNode listed = Replicas.json(replicas.send(0, "GET", "/v1/customers", key, null));

            assertEquals(List.of(200, 400), statuses.stream().sorted().toList());
            assertEquals("idempotency_key_in_use", Replicas.json(refused).get("error").get("code").asText(),
                    refused.body());
            assertEquals(1, listed.get("data").size(), listed.toString());
        }
    }

    /** Each replica's first commit waits for the other's: both requests looked the key up and found none. */
    private static void firstCommitsWaitForEachOther(Replicas replicas) {
        CyclicBarrier bothAboutToCommit = new CyclicBarrier(2);
        for (int replica = 0; replica < 2; replica++) {
            AtomicBoolean first = new AtomicBoolean(true);
            replicas.get(replica).internals().tables().store().checkBeforeCommit(tables -> {
                if (first.getAndSet(false)) {
                    await(bothAboutToCommit);
                }
            });
        }
    }

    private static CompletableFuture<HttpResponse<String>> post(Replicas replicas, int replica, String key,
                                                                String form) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return replicas.send(replica, "POST", "/v1/customers", key, form, "order-3");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** {@code CLIENT PAUSE 60000 WRITE}: Redis holds every command that may write (scripts too), answers reads. */
    private static void pauseWrites() {
        connection.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("PAUSE").add(60_000).add("WRITE"));
    }

    private static void unpause() {
        connection.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("UNPAUSE"));
    }

    private static List<String> keys(String pattern) {
        RedisCommands<String, String> commands = connection.sync();
        return io.lettuce.core.ScanIterator.scan(commands, ScanArgs.Builder.matches(pattern)).stream().toList();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other request never reached its commit", e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
