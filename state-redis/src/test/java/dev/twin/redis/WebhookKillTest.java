package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.StateSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica killed with SIGKILL in the middle of a webhook delivery (the receiver has its post and has not answered):
 * the delivery's claim is left to run out (its 30 s lease), and then a surviving replica delivers the same event —
 * at least once, with the same event id, as docs/redis.md promises.
 */
class WebhookKillTest {

    @Test
    void aDeliveryCutByAKilledReplicaIsMadeByASurvivorWithTheSameEvent(@TempDir Path dir) throws Exception {
        List<String> arrivals = new CopyOnWriteArrayList<>();
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<String> customers = new CopyOnWriteArrayList<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService handlers = Executors.newCachedThreadPool();
        receiver.setExecutor(handlers);
        receiver.createContext("/hook", exchange -> {
            JsonNode event = Replicas.JSON.readTree(exchange.getRequestBody().readAllBytes());
            arrivals.add(event.get("id").asText());
            if (arrivals.size() == 1) {
                firstArrived.countDown();
                release.join(); // the victim's post: never answered while it lives
                exchange.close();
                return;
            }
            accepted.add(event.get("id").asText());
            customers.add(event.at("/data/object/id").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            delivered.countDown();
        });
        receiver.start();
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"))) {
            Path config = Replicas.stripeConfig(dir.resolve("twin"), "webhooks:\n  - {url: \"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\", events: [\"customer.created\"], maxAttempts: 3}\n");
            String url = redis.url("?prefix=cut").toString();
            Process victim = ReplicaKillTest.replica(config, url, dir.resolve("home"));
            Twin survivor = null;
            try {
                String base = ReplicaKillTest.baseUrl(victim);
                HttpResponse<String> created = ReplicaKillTest.post(base, "sk_test_cut", "name=Jenny");
                assertEquals(200, created.statusCode(), created.body());
                // the replica that stored the event claims its delivery at once: the post the receiver holds is
                // the victim's (no other replica runs yet)
                assertTrue(firstArrived.await(60, TimeUnit.SECONDS), "the victim posted the event");

                survivor = Twin.builder().config(config).state(StateSetting.parse(url, Path.of("")))
                        .webhookRetryDelay(Duration.ofMillis(50)).start();
                victim.destroyForcibly(); // SIGKILL, mid-delivery
                victim.waitFor(30, TimeUnit.SECONDS);

                assertTrue(delivered.await(90, TimeUnit.SECONDS), "a survivor delivered it once the lease ran out");
                assertEquals(List.of(arrivals.get(0)), accepted, "the same event (same id), delivered once");
                assertEquals(List.of(Replicas.JSON.readTree(created.body()).get("id").asText()), customers,
                        "the event of the customer the victim created");
                redis.awaitNoDeliveries("cut");
                assertEquals(1, accepted.size(), "nothing more to deliver");
            } finally {
                victim.destroyForcibly();
                if (survivor != null) {
                    survivor.close();
                }
            }
        } finally {
            release.complete(null);
            receiver.stop(0);
            handlers.shutdownNow();
        }
    }
}
