package dev.twin.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code server.writeCounter} on a replica whose write, answered on the event loop, was refused by Redis (another
 * replica committed first) and ran again on a worker: the write is counted once, where the run on the loop had
 * counted it before its commit was refused.
 */
class WriteCounterRerunTest {
    private static RedisServer redis;

    @BeforeAll
    static void start(@TempDir Path dir) {
        redis = RedisServer.start(dir);
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aWriteRefusedOnTheLoopAndRunAgainOnAWorkerIsCountedOnce(@TempDir Path dir) throws Exception {
        try (Replicas replicas = Replicas.start(dir, redis.url("?prefix=counter"), 2,
                "server:\n  writeCounter:\n    header: X-Write-Count\n")) {
            String key = "sk_test_write_counter";
            HttpResponse<String> first = replicas.send(0, "POST", "/v1/customers", key, "name=One");
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("1", first.headers().firstValue("X-Write-Count").orElseThrow());
            // B commits to the tenant: A's copy is behind, so A's next create, run on its event loop, is refused by
            // Redis and runs again on a worker on the caught-up copy
            assertEquals(200, replicas.send(1, "POST", "/v1/customers", key, "name=OnB").statusCode());

            HttpResponse<String> second = replicas.send(0, "POST", "/v1/customers", key, "name=Two");
            assertEquals(200, second.statusCode(), second.body());
            assertEquals("2", second.headers().firstValue("X-Write-Count").orElseThrow(),
                    "A's second accepted write, counted once though it ran twice");
            HttpResponse<String> listed = replicas.send(0, "GET", "/v1/customers", key, null);
            assertEquals("2", listed.headers().firstValue("X-Write-Count").orElseThrow());
            assertEquals(3, Replicas.json(listed).get("data").size(), "one, the one made on B, two: " + listed.body());
        }
    }
}
