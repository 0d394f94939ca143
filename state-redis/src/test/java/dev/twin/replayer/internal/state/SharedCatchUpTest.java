package dev.twin.replayer.internal.state;

import dev.twin.redis.RedisServerExtension;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.internal.http.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static dev.twin.replayer.internal.state.StateFixtures.prefixTable;
import static dev.twin.replayer.internal.state.StateFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a replica whose copy of a tenant is behind catches up, on two replicas and one real Redis, counting the calls
 * each replica makes to the shared store: a write on a stale copy (or one that loses a race to another replica's
 * commit) is refused by its commit, which returns what was missed (no sync of its own), and runs again; while a
 * scenario batches events, a write on a copy not known to be current looks at the version before its changes are
 * told; a read (or a refusal) on a stale copy is answered only after a check of the version found it behind and a
 * sync brought it up to date; a read on a current copy costs one check and moves no rows.
 */
class SharedCatchUpTest {
    private static final List<TableConfig> TABLES = List.of(prefixTable("items", "it_",
            rows("{'id': 'seed_1', 'v': 's1'}"), 0));
    private static final String TENANT = "t_alice";
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private Counting onA;
    private Counting onB;
    private StateStore a;
    private StateStore b;



    @BeforeEach
    void openReplicas() throws Exception {
        String query = REDIS.nextPrefix("catchup");
        onA = new Counting(open(query));
        onB = new Counting(open(query));
        a = StateStore.shared(onA, TABLES, Clock.systemUTC(), TenantQuota.DEFAULTS);
        b = StateStore.shared(onB, TABLES, Clock.systemUTC(), TenantQuota.DEFAULTS);
    }

    @AfterEach
    void closeReplicas() {
        a.close();
        b.close();
    }

    @Test
    void aWriteOnAStaleCopyIsRefusedWithWhatItMissedAndRunsAgain() {
        Row first = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        assertEquals(2, (int) b.inTransaction(TENANT, tables -> tables.count("items")), "B holds A's first row");
        Row second = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'two'}")));
        onB.zero();

        // B still holds the tenant before A's second row; its write reads how many rows it sees
        AtomicInteger runs = new AtomicInteger();
        int seen = b.inTransaction(TENANT, tables -> {
            runs.incrementAndGet();
            tables.replace("items", first.id(), json("{'v': 'one, edited on B'}"));
            return tables.count("items");
        });

        assertEquals(3, seen, "the answer is the one of the caught-up copy (seed, one, two)");
        assertEquals(2, runs.get(), "ran on the stale copy, then again on the caught-up one");
        assertEquals(2, onB.commits.get(), "the refused commit, then the applied one");
        assertEquals(0, onB.syncs.get(), "the refused commit brought what was missed: no sync of its own");
        assertEquals(0, onB.checks.get());
        for (StateStore replica : List.of(a, b)) {
            assertEquals(List.of("seed_1:s1", first.id() + ":one, edited on B", second.id() + ":two"),
                    listed(replica), "both replicas list every row, in creation order");
        }
    }

    @Test
    void whileEventsAreBatchedAWriteOnAStaleCopyLooksAtTheVersionBeforeItsChangesAreTold() {
        Row first = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        b.inTransaction(TENANT, tables -> tables.count("items"));
        Row second = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'two'}")));
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        b.onCommit(new ChangeListener() {
            @Override
            public void committed(String tenant, List<RowChange> changes) {
            }

            @Override
            public boolean keepsEmitted() {
                return true; // as a scenario's batch of events: what it is told, it keeps
            }

            @Override
            public List<SharedEvent> emitted(String tenant, List<RowChange> changes, TenantTables tables) {
                changes.forEach(change -> told.add(change.after().text("v")));
                return List.of();
            }
        });
        onB.zero();

        AtomicInteger runs = new AtomicInteger();
        b.inTransaction(TENANT, tables -> {
            runs.incrementAndGet();
            return tables.replace("items", first.id(), json("{'v': 'B saw " + tables.count("items") + " rows'}"));
        });

        assertEquals(2, runs.get(), "ran on the stale copy (2 rows), then on the caught-up one (3)");
        assertEquals(List.of("B saw 3 rows"), told, "only the changes of the caught-up copy were told");
        assertEquals(1, onB.checks.get(), "a look at the version found B behind");
        assertEquals(1, onB.syncs.get());
        assertEquals(1, onB.commits.get(), "nothing of the stale run was sent");
        assertEquals(List.of("seed_1:s1", first.id() + ":B saw 3 rows", second.id() + ":two"), listed(a));
    }

    @Test
    void aWriteThatLosesARaceIsRefusedWithWhatItMissedAndRunsAgain() {
        Row first = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        Row[] second = new Row[1];
        // B's first transaction of the tenant syncs it whole (current: no look needed before its commit); A commits
        // right after that sync, before B's commit
        onB.afterSync = () -> second[0] = a.inTransaction(TENANT, tables -> tables.insert("items",
                json("{'v': 'two'}")));
        AtomicInteger runs = new AtomicInteger();

        int seen = b.inTransaction(TENANT, tables -> {
            runs.incrementAndGet();
            tables.replace("items", first.id(), json("{'v': 'one, edited on B'}"));
            return tables.count("items");
        });

        assertEquals(3, seen, "the answer is the one of the caught-up copy (seed, one, two)");
        assertEquals(2, runs.get());
        assertEquals(1, onB.syncs.get(), "the first use's sync only: the refused commit brought what was missed");
        assertEquals(2, onB.commits.get(), "the refused commit, then the applied one");
        assertEquals(0, onB.checks.get());
        for (StateStore replica : List.of(a, b)) {
            assertEquals(List.of("seed_1:s1", first.id() + ":one, edited on B", second[0].id() + ":two"),
                    listed(replica), "both replicas list every row, in creation order");
        }
    }

    @Test
    void aReadAfterAnotherReplicasWriteChecksSyncsAndRunsAgain() {
        a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        b.inTransaction(TENANT, tables -> tables.count("items")); // B holds the tenant now
        Row written = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'two'}")));
        onB.zero();

        Optional<Row> read = b.inTransaction(TENANT, tables -> tables.get("items", written.id()));

        assertTrue(read.isPresent(), "B reads the row A acknowledged before the read began");
        assertEquals("two", read.get().text("v"));
        assertEquals(1, onB.checks.get(), "a look at the version found B behind");
        assertEquals(1, onB.syncs.get(), "then one sync");
        assertEquals(0, onB.commits.get());
    }

    @Test
    void aRefusalOnAStaleCopyIsCheckedBeforeItIsAnswered() {
        a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'zero'}")));
        b.inTransaction(TENANT, tables -> tables.count("items")); // B holds the tenant now
        Row written = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        onB.zero();

        // on B's stale copy the row is missing (NOT_FOUND): that answer must not leave before a check
        Row replaced = b.inTransaction(TENANT, tables -> tables.replace("items", written.id(),
                json("{'v': 'edited on B'}")));

        assertEquals("edited on B", replaced.text("v"));
        assertEquals(1, onB.checks.get());
        assertEquals(1, onB.syncs.get());
        assertEquals(1, onB.commits.get());
        assertEquals("edited on B", a.inTransaction(TENANT, tables -> tables.get("items", written.id()))
                .orElseThrow().text("v"));
    }

    @Test
    void aReadOnACurrentCopyCostsOneCheckAndNoSync() {
        a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        b.inTransaction(TENANT, tables -> tables.count("items"));
        onB.zero();

        for (int i = 0; i < 3; i++) {
            assertEquals(2, (int) b.inTransaction(TENANT, tables -> tables.count("items")));
        }

        assertEquals(3, onB.checks.get(), "each read, arriving after the last look began, looks once");
        assertEquals(0, onB.syncs.get(), "and moves no rows");
    }

    @Test
    void aWriteOnACopyFromBeforeAnotherReplicasResetCatchesUpWholeAndFailsAsOneReplicaWould() {
        Row written = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        b.inTransaction(TENANT, tables -> tables.count("items"));
        a.reset();
        onB.zero();

        StateException missing = assertThrows(StateException.class, () -> b.inTransaction(TENANT,
                tables -> tables.replace("items", written.id(), json("{'v': 'edited on B'}"))));

        assertEquals(ErrorKind.NOT_FOUND, missing.error().kind(), "the row went with the reset");
        assertEquals(1, onB.commits.get(), "the commit on the old epoch was refused with the whole tenant");
        assertEquals(0, onB.syncs.get());
        assertEquals(0, onB.checks.get());
        assertEquals(List.of("seed_1:s1"), listed(b));
    }

    @Test
    void aTenantResetLeavesTheReplicaThatMadeItACopyItWritesOnWithoutASync() {
        a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'one'}")));
        assertEquals(2, (int) b.inTransaction(TENANT, tables -> tables.count("items")));
        onA.zero();

        a.resetTenant(TENANT);
        Row fresh = a.inTransaction(TENANT, tables -> tables.insert("items", json("{'v': 'after the reset'}")));

        assertEquals(0, onA.syncs.get(), "the reset left A the empty tenant: nothing to fetch");
        assertEquals(1, onA.commits.get(), "and its commit on the empty tenant landed at once");
        assertEquals(0, onA.checks.get());
        assertEquals(List.of("seed_1:s1", fresh.id() + ":after the reset"), listed(a));
        assertEquals(List.of("seed_1:s1", fresh.id() + ":after the reset"), listed(b),
                "B, whose copy held the row before the reset, catches up with the reset and the new row");
    }

    /** The shared state, counting the calls a replica makes. */
    private static final class Counting extends ForwardingSharedState {
        final AtomicInteger syncs = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger commits = new AtomicInteger();
        /** Run once, right after the next sync. */
        volatile Runnable afterSync;

        Counting(SharedState store) {
            super(store);
        }

        void zero() {
            syncs.set(0);
            checks.set(0);
            commits.set(0);
        }

        @Override
        public TenantSync sync(String tenant, TenantVersion known) {
            syncs.incrementAndGet();
            TenantSync sync = store.sync(tenant, known);
            Runnable after = afterSync;
            afterSync = null;
            if (after != null) {
                after.run();
            }
            return sync;
        }

        @Override
        public boolean isCurrent(String tenant, TenantVersion known) {
            checks.incrementAndGet();
            return store.isCurrent(tenant, known);
        }

        @Override
        public CommitOutcome commit(String tenant, TenantVersion known, SharedWrite write) {
            commits.incrementAndGet();
            return store.commit(tenant, known, write);
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
