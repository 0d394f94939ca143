package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis killed and started again under a load of creates on two replicas: while it is away every request is
 * answered at once with a 503 in Stripe's error shape (never a 500, never a hang) and health says so; once it is
 * back the replicas serve again by themselves, and every acknowledged create is there, each with its event.
 */
class RedisOutageTest {
    private static final int WRITERS = 4;

    @Test
    void redisRestartedMidLoadGivesCleanErrorsThenRecovery(@TempDir Path dir) throws Exception {
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"));
             Replicas replicas = Replicas.start(dir.resolve("twin"), redis.url("?prefix=outage&timeout=1s"), 2,
                     "")) {
            String key = "sk_test_outage";
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> unexpected = new CopyOnWriteArrayList<>();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger slowest = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch someWritten = new CountDownLatch(20);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new CopyOnWriteArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = replicas.send((writer + i) % 2, "POST", "/v1/customers",
                                key, "name=w" + writer + "_" + i);
                        slowest.accumulateAndGet((int) ((System.nanoTime() - start) / 1_000_000), Math::max);
                        JsonNode body = Replicas.json(response);
                        if (response.statusCode() == 200) {
                            acknowledged.add(body.get("id").asText());
                            someWritten.countDown();
                        } else if (response.statusCode() == 503 && body.path("error").path("message").asText()
                                .contains("cannot be reached") && body.path("error").path("type").asText()
                                .equals("api_error")) {
                            unavailable.incrementAndGet();
                        } else {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            assertTrue(someWritten.await(60, TimeUnit.SECONDS));

            redis.kill();
            int before = unavailable.get();
            awaitTrue(() -> unavailable.get() >= before + 20, "503s while Redis is away");
            HttpResponse<String> health = replicas.send(0, "GET", "/__twin/health", null, null);
            redis.restart();
            int acknowledgedWhenBack = acknowledged.size();
            awaitTrue(() -> acknowledged.size() >= acknowledgedWhenBack + 20, "creates acknowledged again");
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();

            assertEquals(List.of(), unexpected);
            assertEquals(503, health.statusCode());
            assertEquals("unavailable", Replicas.json(health).get("status").asText());
            assertTrue(slowest.get() < 10_000, "no request waited long: " + slowest.get() + " ms at most");
            assertEquals(200, replicas.send(1, "GET", "/__twin/health", null, null).statusCode());
            for (int replica = 0; replica < 2; replica++) {
                JsonNode listed = Replicas.json(replicas.send(replica, "GET", "/v1/customers?limit=100", key, null));
                Set<String> ids = ConcurrentHashMap.newKeySet();
                String last = null;
                JsonNode page = listed;
                while (true) {
                    page.get("data").forEach(row -> ids.add(row.get("id").asText()));
                    if (!page.get("has_more").asBoolean()) {
                        break;
                    }
                    last = page.get("data").get(page.get("data").size() - 1).get("id").asText();
                    page = Replicas.json(replicas.send(replica, "GET", "/v1/customers?limit=100&starting_after="
                            + last, key, null));
                }
                assertTrue(ids.containsAll(acknowledged), "replica " + replica + " has every acknowledged create");
                int events = countEvents(replicas, replica, key);
                assertEquals(ids.size(), events, "each customer created with its event, none without");
            }
        }
    }

    private static int countEvents(Replicas replicas, int replica, String key) throws Exception {
        int count = 0;
        String after = null;
        while (true) {
            JsonNode page = Replicas.json(replicas.send(replica, "GET", "/v1/events?type=customer.created&limit=100"
                    + (after == null ? "" : "&starting_after=" + after), key, null));
            count += page.get("data").size();
            if (!page.get("has_more").asBoolean()) {
                return count;
            }
            after = page.get("data").get(page.get("data").size() - 1).get("id").asText();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
