package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.redis.RedisServerExtension;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.server.TwinServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static dev.twin.replayer.internal.state.StateFixtures.prefixTable;
import static dev.twin.replayer.internal.state.StateFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request answered on the event loop whose write was sent and which then reaches a step that must wait for Redis (a
 * transaction on a tenant this replica has not seen, which syncs) is continued on a worker, never waited for on the
 * loop: over a real socket, with one event loop and a real Redis, the sync of the second step is held back (a gate,
 * not a sleep) while another connection's request is answered by that same loop; released, the request answers with
 * both rows, and its first transaction, already committed from the loop, ran once.
 */
class LoopContinuationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<TableConfig> TABLES = List.of(prefixTable("items", "it_",
            rows("{'id': 'seed_1', 'v': 's1'}"), 0));
    private static final String SEEN = "t_seen";
    private static final String UNSEEN = "t_unseen";
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger firstStepRuns = new AtomicInteger();
    private final CountDownLatch syncHeld = new CountDownLatch(1);
    private final CompletableFuture<Void> releaseSync = new CompletableFuture<>();
    private volatile String syncThread;
    private StateStore store;
    private StateStore other;
    private TwinServer server;
    private String held;



    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        String query = REDIS.nextPrefix("continue");
        store = StateStore.shared(new HeldSync(SharedRedis.open(REDIS.server(), query)), TABLES, Clock.systemUTC(),
                TenantQuota.DEFAULTS);
        other = StateStore.shared(SharedRedis.open(REDIS.server(), query), TABLES, Clock.systemUTC(), TenantQuota.DEFAULTS);
        // this replica holds SEEN (a tenant with writes of its own stays in its memory), not UNSEEN
        held = store.inTransaction(SEEN, tables -> tables.insert("items", json("{'v': 'held'}"))).id();
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                openapi: 3.0.3
                info: {title: two steps, version: '1'}
                paths:
                  /two:
                    post:
                      operationId: twoSteps
                      responses:
                        '201': {description: both rows}
                  /ping:
                    get:
                      operationId: ping
                      responses:
                        '200': {description: pong}
                """);
        String loops = System.getProperty("io.netty.eventLoopThreads");
        System.setProperty("io.netty.eventLoopThreads", "1"); // every connection on the one loop
        try {
            server = TwinServer.builder().specs(spec).port(0).blockingWork(workers)
                    .stateful(api -> (routed, decoded) -> Optional.of(answer(routed.operation().id()))).start();
        } finally {
            if (loops == null) {
                System.clearProperty("io.netty.eventLoopThreads");
            } else {
                System.setProperty("io.netty.eventLoopThreads", loops);
            }
        }
    }

    @AfterEach
    void stop() {
        releaseSync.complete(null);
        server.close();
        workers.shutdownNow();
        store.close();
        other.close();
    }

    /** POST /two: a write on a tenant this replica holds, then one on a tenant it must sync first. */
    private TwinResponse answer(String operation) {
        if (operation.equals("spec.ping")) {
            return TwinResponse.json(200, "{\"pong\": true}");
        }
        String first = store.inTransaction(SEEN, tables -> {
            firstStepRuns.incrementAndGet();
            return tables.insert("items", json("{'v': 'one'}")).id();
        });
        String second = store.inTransaction(UNSEEN, tables -> tables.insert("items", json("{'v': 'two'}")).id());
        return TwinResponse.json(201, "{\"first\": \"" + first + "\", \"second\": \"" + second + "\"}");
    }

    @Test
    void aRequestThatMustWaitAfterItsWriteWasSentIsContinuedOnAWorkerWhileTheLoopAnswersOthers() throws Exception {
        CompletableFuture<HttpResponse<String>> two = http.sendAsync(request("POST", "/two"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(syncHeld.await(60, TimeUnit.SECONDS), "the second step reached its sync");
        assertFalse(syncThread.contains("EventLoop"), "the sync runs on a worker, not on the loop: " + syncThread);

        // the one event loop is free while the first request waits for Redis: another connection is answered
        HttpClient another = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> ping = another.sendAsync(request("GET", "/ping"), HttpResponse.BodyHandlers.ofString())
                .get(60, TimeUnit.SECONDS);
        assertEquals(200, ping.statusCode());
        assertFalse(two.isDone(), "the first request still waits for its sync");

        releaseSync.complete(null);
        HttpResponse<String> answered = two.get(60, TimeUnit.SECONDS);
        assertEquals(201, answered.statusCode(), answered.body());
        JsonNode body = JSON.readTree(answered.body());
        assertEquals(1, firstStepRuns.get(), "the first step, committed from the loop, ran once: the worker went on"
                + " from the second");
        for (StateStore replica : List.of(store, other)) { // in Redis, as another replica reads it
            assertEquals(List.of("seed_1", held, body.get("first").asText()), ids(replica, SEEN));
            assertEquals(List.of("seed_1", body.get("second").asText()), ids(replica, UNSEEN));
        }
    }

    private static List<String> ids(StateStore replica, String tenant) {
        return replica.inTransaction(tenant, tables -> tables.list("items").stream().map(Row::id).toList());
    }

    private HttpRequest request(String method, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Redis, with the sync of the tenant this replica has not seen held back until the test lets it go. */
    private final class HeldSync extends ForwardingSharedState {
        HeldSync(SharedState store) {
            super(store);
        }

        @Override
        public SentCommit send(String tenant, TenantVersion known, String follows, SharedWrite write) {
            return store.send(tenant, known, follows, write);
        }

        @Override
        public TenantSync sync(String tenant, TenantVersion known) {
            if (tenant.equals(UNSEEN) && syncHeld.getCount() > 0) {
                syncThread = Thread.currentThread().getName();
                syncHeld.countDown();
                releaseSync.join();
            }
            return store.sync(tenant, known);
        }
    }
}
