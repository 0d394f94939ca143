package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks of three replicas sharing one Redis: each event is delivered once (a first attempt the receiver refuses
 * is retried, by whichever replica claims it), while a replica is stopped and another started in its place.
 */
class WebhooksAcrossReplicasTest {
    private static final int EVENTS = 30;

    @Test
    void eachEventIsDeliveredExactlyOnceWhileAReplicaIsStoppedAndReplaced(@TempDir Path dir) throws Exception {
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        CountDownLatch allDelivered = new CountDownLatch(EVENTS);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger arrivals = new AtomicInteger();
        receiver.createContext("/hook", exchange -> {
            JsonNode event = Replicas.JSON.readTree(exchange.getRequestBody().readAllBytes());
            String id = event.get("id").asText();
            // every fourth arrival is refused once: its retry may come from any replica
            boolean refuse = arrivals.incrementAndGet() % 4 == 0 && !refused.containsKey(id);
            if (refuse) {
                refused.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            } else if (accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                allDelivered.countDown();
            }
            exchange.sendResponseHeaders(refuse ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"));
             Replicas replicas = Replicas.start(dir.resolve("twin"), redis.url("?prefix=hooks"), 3,
                     "webhooks:\n  - {url: \"http://127.0.0.1:" + receiver.getAddress().getPort()
                             + "/hook\", events: [\"customer.created\"], maxAttempts: 5}\n")) {
            String key = "sk_test_hooks";
            Set<String> customers = new HashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                if (i == 10) {
                    replicas.stop(1); // its claims released, its queue left to the others
                }
                if (i == 20) {
                    replicas.restart(1);
                }
                int replica = i >= 10 && i < 20 ? (i % 2 == 0 ? 0 : 2) : i % 3;
                Customer created = replicas.stripe(replica, key).customers().create(CustomerCreateParams.builder()
                        .setName("c" + i).build());
                customers.add(created.getId());
            }

            assertTrue(allDelivered.await(60, TimeUnit.SECONDS), "delivered: " + accepted.size() + " of " + EVENTS);
            redis.awaitNoDeliveries("hooks");

            assertEquals(EVENTS, customers.size());
            assertEquals(EVENTS, accepted.size());
            accepted.forEach((id, count) -> assertEquals(1, count.get(), id + " accepted once"));
            assertTrue(!refused.isEmpty(), "some first attempts were refused, then retried");
            refused.keySet().forEach(id -> assertEquals(1, accepted.get(id).get(), id + " retried once"));
        } finally {
            receiver.stop(0);
        }
    }
}
