package dev.twin.replayer.internal.state;

import dev.twin.redis.RedisServerExtension;
import dev.twin.replayer.config.TableConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static dev.twin.replayer.internal.state.StateFixtures.prefixTable;
import static dev.twin.replayer.internal.state.StateFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's writes pipelined to one real Redis: a write's commit is sent and the tenant's lock let go before Redis
 * answers, so the tenant's next write runs on the copy holding the first and its commit follows it. Held back
 * replies (a gate on the first commit's outcome, not a sleep) make the order certain: a commit that follows one on
 * its way lands with it, or, when that one is refused, is stale, and both run again on the caught-up copy; a read
 * on a copy waiting on a commit is confirmed by the next commit made on that copy landing, without a look; many
 * concurrent writers on two replicas each land exactly once, and both replicas list the same rows in the same order.
 */
class SharedPipelineTest {
    private static final List<TableConfig> TABLES = List.of(prefixTable("items", "it_",
            rows("{'id': 'seed_1', 'v': 's1'}"), 0));
    private static final String TENANT = "t_alice";
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private Gated onA;
    private StateStore a;
    private StateStore b;
    private final ExecutorService threads = Executors.newCachedThreadPool();



    @BeforeEach
    void openReplicas() throws Exception {
        String query = REDIS.nextPrefix("pipeline");
        onA = new Gated(open(query));
        a = StateStore.shared(onA, TABLES, Clock.systemUTC(), TenantQuota.DEFAULTS);
        b = StateStore.shared(open(query), TABLES, Clock.systemUTC(), TenantQuota.DEFAULTS);
    }

    @AfterEach
    void closeReplicas() {
        onA.gate.complete(null);
        threads.shutdownNow();
        a.close();
        b.close();
    }

    @Test
    void aWriteMadeWhileTheCommitBeforeIsOnItsWayFollowsItAndBothLand() throws Exception {
        a.inTransaction(TENANT, tables -> tables.count("items")); // A holds the tenant
        onA.holdNext();

        Future<Row> first = threads.submit(() -> a.inTransaction(TENANT,
                tables -> tables.insert("items", json("{'v': 'one'}"))));
        onA.held.await(); // the first commit is sent; its reply is held back
        AtomicInteger runs = new AtomicInteger();
        Future<Integer> second = threads.submit(() -> a.inTransaction(TENANT, tables -> {
            runs.incrementAndGet();
            tables.insert("items", json("{'v': 'two'}"));
            return tables.count("items");
        }));
        onA.sentAfterHeld.await(); // the second commit is sent too, while the first's reply is still held
        onA.gate.complete(null);

        Row one = first.get();
        assertEquals(3, second.get(), "the second write ran on the copy holding the first (seed, one, two)");
        assertEquals(1, runs.get(), "and landed with it: no second run");
        assertEquals(2, onA.sends.size());
        assertNull(onA.sends.get(0), "the first commit followed none");
        assertNotNull(onA.sends.get(1), "the second followed the first, still on its way");
        assertEquals(List.of("landed", "landed"), onA.outcomes);
        for (StateStore replica : List.of(a, b)) {
            List<String> listed = listed(replica);
            assertEquals(List.of("seed_1:s1", one.id() + ":one"), listed.subList(0, 2));
            assertEquals(3, listed.size());
            assertTrue(listed.get(2).endsWith(":two"), listed.toString());
        }
    }

    @Test
    void whenTheCommitBeforeIsRefusedTheOneThatFollowedItIsStaleAndBothRunAgainOnTheCaughtUpCopy() throws Exception {
        Row zero = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'zero'}"))); // A holds it
        Row onB = b.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'b'}"))); // A is behind
        onA.outcomes.clear();
        onA.holdNext();

        AtomicInteger firstRuns = new AtomicInteger();
        Future<Integer> first = threads.submit(() -> a.inTransaction(TENANT, tables -> {
            firstRuns.incrementAndGet();
            tables.replace("items", "seed_1", json("{'v': 'one'}"));
            return tables.count("items");
        }));
        onA.held.await();
        AtomicInteger secondRuns = new AtomicInteger();
        Future<Integer> second = threads.submit(() -> a.inTransaction(TENANT, tables -> {
            secondRuns.incrementAndGet();
            tables.insert("items", json("{'v': 'two'}"));
            return tables.count("items");
        }));
        onA.sentAfterHeld.await();
        onA.gate.complete(null);

        int firstSaw = first.get();
        int secondSaw = second.get();
        assertEquals(2, firstRuns.get(), "refused (B committed first), then run again");
        assertEquals(2, secondRuns.get(), "stale (the commit it followed did not land), then run again");
        assertEquals(List.of("refused", "stale"), onA.outcomes.subList(0, 2));
        assertEquals(4, secondSaw, "run again on the caught-up copy: seed, zero, B's row, its own");
        assertTrue(firstSaw == 3 || firstSaw == 4, "seed, zero and B's row (and the second's, if it landed first): "
                + firstSaw);
        List<String> listed = listed(a);
        assertEquals(listed, listed(b), "both replicas hold the same rows in the same order");
        assertEquals(List.of("seed_1:one", zero.id() + ":zero", onB.id() + ":b"), listed.subList(0, 3));
        assertEquals(4, listed.size());
        assertTrue(listed.get(3).endsWith(":two"), listed.toString());
    }

    @Test
    void aReadOnACopyWithACommitOnItsWayIsConfirmedByTheNextCommitLandingWithoutALook() throws Exception {
        a.inTransaction(TENANT, tables -> tables.count("items"));
        onA.holdNext();
        Future<Row> first = threads.submit(() -> a.inTransaction(TENANT,
                tables -> tables.insert("items", json("{'v': 'one'}"))));
        onA.held.await();
        CountDownLatch readRan = new CountDownLatch(1);
        Future<Integer> read = threads.submit(() -> a.inTransaction(TENANT, tables -> {
            int count = tables.count("items");
            readRan.countDown();
            return count;
        }));
        readRan.await(); // the read ran on the copy holding the first write, and waits
        Future<Row> second = threads.submit(() -> a.inTransaction(TENANT,
                tables -> tables.insert("items", json("{'v': 'two'}"))));
        onA.sentAfterHeld.await();
        // a third write is sent once the second's transaction let the tenant's lock go, its bookkeeping done
        Future<Row> third = threads.submit(() -> a.inTransaction(TENANT,
                tables -> tables.insert("items", json("{'v': 'three'}"))));
        onA.twoSentAfterHeld.await();
        onA.gate.complete(null);

        first.get();
        second.get();
        third.get();
        assertEquals(2, read.get(), "the read answers the copy it ran on: seed and the first write");
        assertEquals(0, onA.checks.get(), "confirmed by the second commit, made on that copy, landing: no look");
    }

    @Test
    void concurrentWritersOfOneTenantOnTwoReplicasEachLandOnce() throws Exception {
        int writers = 4;
        int each = 25;
        List<Future<List<String>>> written = new ArrayList<>();
        for (StateStore replica : List.of(a, b)) {
            for (int w = 0; w < writers; w++) {
                String name = (replica == a ? "a" : "b") + w;
                written.add(threads.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String value = name + "-" + i;
                        ids.add(replica.inTransaction(TENANT, tables -> tables.insert("items",
                                json("{'v': '" + value + "'}"))).id() + ":" + value);
                    }
                    return ids;
                }));
            }
        }
        Set<String> acknowledged = new HashSet<>();
        for (Future<List<String>> writer : written) {
            acknowledged.addAll(writer.get());
        }

        assertEquals(2 * writers * each, acknowledged.size(), "every id minted once");
        List<String> onA = listed(a);
        assertEquals(onA, listed(b), "both replicas list the same rows in the same order");
        assertEquals(1 + acknowledged.size(), onA.size(), "no row lost, none twice");
        assertEquals(acknowledged, new HashSet<>(onA.subList(1, onA.size())));
    }

    @Test
    void aWriteAnsweredOnTheEventLoopReturnsAtOnceAndIsReadyOnlyOnceItsCommitLanded() throws Exception {
        Row zero = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'zero'}"))); // A holds it
        onA.sends.clear();
        onA.holdNext();
        LoopAnswer loop = LoopAnswer.onLoop();

        Row one = loop.run(() -> a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}"))));
        assertEquals(1, onA.sends.size(), "its commit is sent, and the transaction returned with its reply held");
        CompletableFuture<Boolean> ready = loop.ready();
        assertFalse(ready.isDone(), "its answer waits for the commit");
        LoopAnswer read = LoopAnswer.onLoop();
        int counted = read.run(() -> a.inTransaction(TENANT, tables -> tables.count("items")));
        assertEquals(3, counted, "a read on the loop runs on the copy holding the write");
        assertFalse(read.ready().isDone(), "and waits for that write to land");
        LoopAnswer next = LoopAnswer.onLoop();
        Row two = next.run(() -> a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'two'}"))));
        assertEquals(2, onA.sends.size());
        assertNotNull(onA.sends.get(1), "the next write follows the first, on the copy the read ran on");
        onA.gate.complete(null);

        assertTrue(ready.get(), "landed");
        assertTrue(next.ready().get(), "landed");
        assertTrue(read.ready().get(), "the read is confirmed by the next commit made on its copy landing");
        assertFalse(loop.aborted() || read.aborted() || next.aborted());
        assertEquals(0, onA.checks.get(), "no look at the version");
        assertEquals(List.of("seed_1:s1", zero.id() + ":zero", one.id() + ":one", two.id() + ":two"), listed(b));
    }

    @Test
    void aWriteOnTheLoopThatIsRefusedIsNotReadyAndRunsAgainOnAWorkerOnTheCaughtUpCopy() throws Exception {
        Row zero = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'zero'}"))); // A holds it
        onA.outcomes.clear();
        Row onB = b.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'b'}"))); // A is behind
        LoopAnswer loop = LoopAnswer.onLoop();

        loop.run(() -> a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'loop'}"))));

        assertFalse(loop.ready().get(), "refused: B committed first; nothing of it landed");
        assertEquals(List.of("refused"), onA.outcomes);
        Row again = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'again'}")));
        List<String> listed = listed(a);
        assertEquals(List.of("seed_1:s1", zero.id() + ":zero", onB.id() + ":b", again.id() + ":again"), listed,
                "the refused write was taken back from A's copy; the worker's run landed once");
        assertEquals(listed, listed(b));
    }

    @Test
    void aStepThatMustWaitForRedisOnTheLoopThrowsWouldBlockBeforeAnythingTookEffect() {
        LoopAnswer loop = LoopAnswer.onLoop();

        // A has never seen the tenant: its first transaction syncs it whole, a round trip
        assertThrows(WouldBlock.class, () -> loop.run(() -> a.inTransaction(TENANT,
                tables -> tables.insert("items", json("{'v': 'one'}")))));
        assertTrue(loop.aborted(), "the request goes to a worker");
        assertEquals(List.of(), onA.sends, "nothing was sent");
        assertEquals(List.of("seed_1:s1"), listed(b));
    }

    @Test
    void aWorkersRunOfARequestWhoseLoopCommitFailedFailsItsFirstTransactionSo() {
        StateException away = new StateException(dev.twin.replayer.internal.http.ErrorKind.UNAVAILABLE, "away");
        LoopAnswer failing = LoopAnswer.failing(away);
        AtomicInteger runs = new AtomicInteger();

        StateException thrown = assertThrows(StateException.class, () -> failing.run(() -> a.inTransaction(TENANT,
                tables -> runs.incrementAndGet())));

        assertSame(away, thrown);
        assertEquals(0, runs.get(), "answered as a wait for the commit would have been, nothing run");
        int next = failing.run(() -> a.inTransaction(TENANT, tables -> runs.incrementAndGet()));
        assertEquals(1, next, "once: the request's next transaction runs");
    }

    /** The shared state of replica A, holding back the outcome of a commit when told to, and noting each send. */
    private static final class Gated extends ForwardingSharedState {
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch sentAfterHeld = new CountDownLatch(1);
        final CountDownLatch twoSentAfterHeld = new CountDownLatch(2);
        /** What each commit followed (null: none), in the order sent. */
        final List<String> sends = new CopyOnWriteArrayList<>();
        final List<String> outcomes = new CopyOnWriteArrayList<>();
        final AtomicInteger checks = new AtomicInteger();
        private volatile boolean holdNext;

        Gated(SharedState store) {
            super(store);
        }

        void holdNext() {
            holdNext = true;
        }

        @Override
        public SentCommit send(String tenant, TenantVersion known, String follows, SharedWrite write) {
            SentCommit sent = store.send(tenant, known, follows, write);
            sends.add(follows);
            java.util.concurrent.CompletionStage<CommitOutcome> outcome = sent.outcome().whenComplete(
                    (done, failure) -> outcomes.add(failure != null ? "failed" : done.isApplied() ? "landed"
                            : done.missed() != null ? "refused" : "stale"));
            if (holdNext) {
                holdNext = false;
                held.countDown();
                outcome = outcome.thenCombine(gate, (done, open) -> done);
            } else if (held.getCount() == 0) {
                sentAfterHeld.countDown();
                twoSentAfterHeld.countDown();
            }
            return new SentCommit(sent.token(), sent.expected(), outcome);
        }

        @Override
        public boolean isCurrent(String tenant, TenantVersion known) {
            checks.incrementAndGet();
            return store.isCurrent(tenant, known);
        }

        @Override
        public java.util.concurrent.CompletionStage<Boolean> sendCheck(String tenant, TenantVersion known) {
            checks.incrementAndGet();
            return store.sendCheck(tenant, known);
        }
    }

    private static List<String> listed(StateStore store) {
        return store.inTransaction(TENANT, tables -> tables.list("items").stream()
                .map(row -> row.id() + ":" + row.text("v")).toList());
    }

    private static SharedState open(String query) {
        return SharedRedis.open(REDIS.server(), query);
    }
}
