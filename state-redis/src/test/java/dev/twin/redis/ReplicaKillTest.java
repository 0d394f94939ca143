package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas as processes over one Redis, under concurrent creates from several clients; one is killed with
 * SIGKILL mid-load. Every create either replica acknowledged is there afterwards, on the survivor and on a replica
 * started after the kill, each with its one event: no acknowledged write is lost and none is half-applied.
 */
class ReplicaKillTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void killingAReplicaUnderConcurrentWritesLosesNoAcknowledgedWrite(@TempDir Path dir) throws Exception {
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"))) {
            Path config = Replicas.stripeConfig(dir.resolve("twin"), "");
            String url = redis.url("?prefix=kill").toString();
            Path home = dir.resolve("home");
            Process victim = replica(config, url, home);
            String victimBase = baseUrl(victim); // the first one fills the start-up cache the others read
            Process survivor = replica(config, url, home);
            List<String> bases = List.of(victimBase, baseUrl(survivor));
            String key = "sk_test_kill";
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch warmedUp = new CountDownLatch(40);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String base = bases.get((client + i) % 2);
                        try {
                            HttpResponse<String> created = post(base, key, "name=c" + client + "_" + i);
                            if (created.statusCode() == 200) {
                                acknowledged.add(Replicas.JSON.readTree(created.body()).get("id").asText());
                                warmedUp.countDown();
                            }
                        } catch (java.io.IOException refused) {
                            // the killed replica: its connection reset, its answer never acknowledged
                        }
                    }
                    return null;
                }));
            }
            assertTrue(warmedUp.await(60, TimeUnit.SECONDS), "creates acknowledged before the kill");

            victim.destroyForcibly(); // SIGKILL
            victim.waitFor(30, TimeUnit.SECONDS);
            int atKill = acknowledged.size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < atKill + 40) {
                assertTrue(System.nanoTime() < deadline, "the survivor goes on acknowledging creates");
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            stop.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();

            Process late = replica(config, url, home);
            try {
                for (String base : List.of(bases.get(1), baseUrl(late))) {
                    Set<String> listed = listAll(base, key, "/v1/customers");
                    assertTrue(listed.containsAll(acknowledged), base + " lists every acknowledged create ("
                            + acknowledged.size() + "), missing " + missing(acknowledged, listed));
                    assertEquals(listed.size(), listAll(base, key, "/v1/events?type=customer.created").size(),
                            "one event per customer");
                }
            } finally {
                late.destroyForcibly();
                survivor.destroyForcibly();
                late.waitFor(30, TimeUnit.SECONDS);
                survivor.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Set<String> missing(Set<String> expected, Set<String> found) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(found);
        return missing;
    }

    static Process replica(Path config, String redisUrl, Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ReplicaMain.class.getName(),
                config.toString(), redisUrl, home.toString()).redirectErrorStream(true).start();
    }

    /** Reads the replica's output up to the line naming its address; the rest is drained on a daemon thread. */
    static String baseUrl(Process replica) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(replica.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("listening ")) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return line.substring("listening ".length()).trim();
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the replica did not start:\n" + seen);
    }

    static HttpResponse<String> post(String base, String key, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/customers")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every id of a Stripe list, page by page. */
    private static Set<String> listAll(String base, String key, String path) throws Exception {
        Set<String> ids = new HashSet<>();
        String after = null;
        while (true) {
            String url = base + path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (after == null ? "" : "&starting_after=" + after);
            JsonNode page = Replicas.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body());
            page.get("data").forEach(row -> ids.add(row.get("id").asText()));
            if (!page.get("has_more").asBoolean()) {
                return ids;
            }
            after = page.get("data").get(page.get("data").size() - 1).get("id").asText();
        }
    }
}
