package dev.twin.replayer.internal.state;

import dev.twin.replayer.internal.http.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static dev.twin.replayer.internal.state.StateFixtures.prefixTable;
import static dev.twin.replayer.internal.state.StateFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateStoreTest {
    private final StateFixtures.TestClock clock = new StateFixtures.TestClock();
    private StateStore store = StateStore.inMemory(StateFixtures.standardTables(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void seedRowsAreVisibleToEveryTenant() {
        for (String tenant : List.of("t_a", "t_b", "anonymous")) {
            Row seed = store.inTransaction(tenant, tables -> tables.get("customers", "cus_seed")).orElseThrow();
            assertEquals("Seed Customer", seed.text("name"));
        }
    }

    @Test
    void insertMintsAnIdInTheTableShapeAndStoresItInTheData() {
        Row row = insert("t_a", "customers", "{'name': 'Ada'}");

        assertTrue(row.id().matches("cus_[A-Za-z0-9]{14}"), row.id());
        assertEquals(row.id(), row.text("id"));
        assertEquals("id", row.data().fieldNames().next(), "the id field comes first");
        assertEquals(clock.millis(), row.createdAtMillis());
        assertEquals("Ada", get("t_a", "customers", row.id()).text("name"));
    }

    @Test
    void insertKeepsAGivenIdAndRejectsADuplicate() {
        insert("t_a", "customers", "{'id': 'cus_mine', 'name': 'Ada'}");

        StateException duplicate = assertThrows(StateException.class,
                () -> insert("t_a", "customers", "{'id': 'cus_mine'}"));
        assertEquals(ErrorKind.CONFLICT, duplicate.error().kind());
        StateException seedDuplicate = assertThrows(StateException.class,
                () -> insert("t_a", "customers", "{'id': 'cus_seed'}"));
        assertEquals(ErrorKind.CONFLICT, seedDuplicate.error().kind());
    }

    @Test
    void aGivenNumericIdStaysANumberInTheData() {
        Row row = insert("t_a", "customers", "{'id': 7, 'name': 'Rex'}");

        assertEquals("7", row.id());
        assertTrue(row.data().get("id").isNumber());
        assertEquals("Rex", get("t_a", "customers", "7").text("name"));
    }

    @Test
    void listReturnsSeedRowsFirstThenRowsInCreationOrder() {
        Row first = insert("t_a", "customers", "{'name': 'first'}");
        Row second = insert("t_a", "customers", "{'name': 'second'}");
        store.inTransaction("t_a", tables -> tables.replace("customers", first.id(), json("{'name': 'first v2'}")));

        List<String> names = store.inTransaction("t_a", tables -> tables.list("customers")).stream()
                .map(row -> row.text("name")).toList();

        assertEquals(List.of("Seed Customer", "first v2", "second"), names);
        assertEquals(second.id(), store.inTransaction("t_a", tables -> tables.list("customers")).get(2).id());
    }

    @Test
    void replaceKeepsCreationTimeAndBumpsUpdateTime() {
        Row created = insert("t_a", "customers", "{'name': 'Ada', 'email': 'a@example.com'}");
        clock.advance(Duration.ofSeconds(5));

        Row replaced = store.inTransaction("t_a",
                tables -> tables.replace("customers", created.id(), json("{'name': 'Ada L.'}")));

        assertEquals(created.createdAtMillis(), replaced.createdAtMillis());
        assertEquals(created.createdAtMillis() + 5_000, replaced.updatedAtMillis());
        assertEquals(json("{'id': '" + created.id() + "', 'name': 'Ada L.'}"), replaced.data(),
                "replace is a full replacement that keeps the id");
    }

    @Test
    void replacingOrDeletingAMissingRowSaysSo() {
        StateException missing = assertThrows(StateException.class, () -> store.inTransaction("t_a",
                tables -> tables.replace("customers", "cus_nope", json("{}"))));

        assertEquals(ErrorKind.NOT_FOUND, missing.error().kind());
        boolean deleted = store.inTransaction("t_a", tables -> tables.delete("customers", "cus_nope"));
        assertFalse(deleted);
    }

    @Test
    void aTenantsChangesToSeedRowsStayItsOwn() {
        store.inTransaction("t_a", tables -> tables.replace("customers", "cus_seed", json("{'name': 'Mine'}")));
        store.inTransaction("t_b", tables -> tables.delete("customers", "cus_seed"));

        assertEquals("Mine", get("t_a", "customers", "cus_seed").text("name"));
        assertTrue(store.inTransaction("t_b", tables -> tables.get("customers", "cus_seed")).isEmpty());
        assertEquals("Seed Customer", get("t_c", "customers", "cus_seed").text("name"));
    }

    @Test
    void rowsHandedOutCannotChangeTheStore() {
        Row row = insert("t_a", "customers", "{'name': 'Ada'}");

        row.data().put("name", "changed by caller");

        assertEquals("Ada", get("t_a", "customers", row.id()).text("name"));
    }

    @Test
    void aTransactionThatThrowsChangesNothing() {
        Row existing = insert("t_a", "customers", "{'name': 'Ada'}");

        assertThrows(IllegalStateException.class, () -> store.inTransaction("t_a", tables -> {
            tables.insert("customers", json("{'name': 'never'}"));
            tables.replace("customers", existing.id(), json("{'name': 'never'}"));
            tables.delete("customers", "cus_seed");
            tables.insert("messages", json("{'body': 'never'}"));
            throw new IllegalStateException("step 3 failed");
        }));

        List<String> names = store.inTransaction("t_a", tables -> tables.list("customers")).stream()
                .map(row -> row.text("name")).toList();
        assertEquals(List.of("Seed Customer", "Ada"), names);
        assertEquals("1", insert("t_a", "messages", "{}").id(), "the rolled-back sequence number is reused");
    }

    @Test
    void aTransactionSeesItsOwnWritesBeforeCommitting() {
        List<String> seen = store.inTransaction("t_a", tables -> {
            Row created = tables.insert("customers", json("{'name': 'Ada'}"));
            tables.replace("customers", created.id(), json("{'name': 'Ada v2'}"));
            tables.delete("customers", "cus_seed");
            return tables.list("customers").stream().map(row -> row.text("name")).toList();
        });

        assertEquals(List.of("Ada v2"), seen);
    }

    @Test
    void sequenceIdsCountPerTenantAndTable() {
        assertEquals("1", insert("t_a", "messages", "{}").id());
        assertEquals("2", insert("t_a", "messages", "{}").id());
        assertEquals("1", insert("t_b", "messages", "{}").id());
        assertEquals("3", insert("t_a", "messages", "{}").id());
    }

    @Test
    void aSequenceTableContinuesAfterItsHighestNumericSeedId() {
        store.close();
        store = StateStore.inMemory(List.of(new dev.twin.replayer.config.TableConfig("accounts", "id",
                dev.twin.replayer.config.IdStrategy.SEQUENCE, "", 0, dev.twin.replayer.config.IdAlphabet.BASE62,
                null, dev.twin.replayer.config.IdType.STRING, 1, rows("{'id': '7'}", "{'id': '3'}"), 0, java.util.Map.of(),
                dev.twin.replayer.config.Conventions.DEFAULTS, null)), clock);

        assertEquals("8", insert("t_a", "accounts", "{}").id());
    }

    @Test
    void aFullTableAnswersQuotaExceededAndKeepsItsRows() {
        store.close();
        store = StateStore.inMemory(List.of(prefixTable("customers", "cus_",
                rows("{'id': 'cus_seed'}"), 3)), clock);
        insert("t_a", "customers", "{'name': 'two'}");
        insert("t_a", "customers", "{'name': 'three'}");

        StateException full = assertThrows(StateException.class,
                () -> insert("t_a", "customers", "{'name': 'four'}"));

        assertEquals(ErrorKind.QUOTA_EXCEEDED, full.error().kind());
        assertEquals("Table customers is full: at most 3 rows per tenant", full.error().message());
        assertEquals(3, count("t_a", "customers"));
        assertTrue(insert("t_b", "customers", "{}").id().startsWith("cus_"), "each tenant has its own quota");
    }

    @Test
    void resetDropsEveryTenantsWrites() {
        Row a = insert("t_a", "customers", "{}");
        insert("t_b", "customers", "{}");
        store.inTransaction("t_a", tables -> tables.delete("customers", "cus_seed"));

        store.reset();

        assertTrue(store.inTransaction("t_a", tables -> tables.get("customers", a.id())).isEmpty());
        assertEquals(1, count("t_a", "customers"));
        assertEquals(1, count("t_b", "customers"));
        assertEquals("1", insert("t_a", "messages", "{}").id(), "sequences start again");
    }

    @Test
    void resetTenantDropsOnlyThatTenantsWrites() {
        insert("t_a", "customers", "{}");
        insert("t_b", "customers", "{}");

        store.resetTenant("t_a");

        assertEquals(1, count("t_a", "customers"));
        assertEquals(2, count("t_b", "customers"));
    }

    @Test
    void resetTableDropsOneTableForOneTenantOrAll() {
        insert("t_a", "customers", "{}");
        insert("t_a", "messages", "{}");
        insert("t_b", "customers", "{}");

        store.resetTable("t_a", "customers");
        assertEquals(1, count("t_a", "customers"));
        assertEquals(1, count("t_a", "messages"));
        assertEquals(2, count("t_b", "customers"));

        store.resetTable(null, "customers");
        assertEquals(1, count("t_b", "customers"));
        assertEquals(ErrorKind.NOT_FOUND,
                assertThrows(StateException.class, () -> store.resetTable(null, "nope")).error().kind());
    }

    @Test
    void restoringASnapshotBringsBackEveryTenantsStateAtThatMoment() {
        Row kept = insert("t_a", "customers", "{'name': 'kept'}");
        insert("t_b", "messages", "{}");
        store.saveSnapshot("baseline");
        insert("t_a", "customers", "{'name': 'after'}");
        store.inTransaction("t_a", tables -> tables.delete("customers", kept.id()));
        store.resetTenant("t_b");

        store.restoreSnapshot("baseline");

        List<String> names = store.inTransaction("t_a", tables -> tables.list("customers")).stream()
                .map(row -> row.text("name")).toList();
        assertEquals(List.of("Seed Customer", "kept"), names);
        assertEquals("2", insert("t_b", "messages", "{}").id(), "sequences are part of the snapshot");
        assertEquals(List.of("baseline"), store.snapshots());
    }

    @Test
    void aRestoredSnapshotCanBeRestoredAgainAfterMoreWrites() {
        store.saveSnapshot("empty");
        insert("t_a", "customers", "{}");
        store.restoreSnapshot("empty");
        insert("t_a", "customers", "{}");

        store.restoreSnapshot("empty");

        assertEquals(1, count("t_a", "customers"));
    }

    @Test
    void restoringAnUnknownSnapshotFails() {
        StateException unknown = assertThrows(StateException.class, () -> store.restoreSnapshot("nope"));

        assertEquals(ErrorKind.NOT_FOUND, unknown.error().kind());
        assertEquals("No snapshot named 'nope'", unknown.error().message());
    }

    @Test
    void dumpShowsEveryTableAsTheTenantSeesIt() {
        Row mine = insert("t_a", "customers", "{'name': 'Ada'}");

        assertEquals(json("{'customers': [{'id': 'cus_seed', 'name': 'Seed Customer'}, {'id': '" + mine.id()
                + "', 'name': 'Ada'}], 'messages': [], 'sms': []}"), store.dump("t_a"));
        assertEquals(json("{'customers': [{'id': 'cus_seed', 'name': 'Seed Customer'}], 'messages': [], "
                + "'sms': []}"), store.dump("t_b"));
        assertEquals(List.of("t_a"), store.tenants());
    }

    @Test
    void anIdleTenantLosesItsWritesWhenItComesBack() {
        store.close();
        store = StateStore.inMemory(StateFixtures.standardTables(), clock, Duration.ofHours(1));
        Row row = insert("t_a", "customers", "{}");
        clock.advance(Duration.ofMinutes(59));
        assertTrue(store.inTransaction("t_a", tables -> tables.get("customers", row.id())).isPresent(),
                "activity within the hour keeps the writes");

        clock.advance(Duration.ofMinutes(61));

        assertTrue(store.inTransaction("t_a", tables -> tables.get("customers", row.id())).isEmpty());
        assertTrue(store.inTransaction("t_a", tables -> tables.get("customers", "cus_seed")).isPresent());
    }

    @Test
    void theSweepDropsIdleTenantsAndKeepsActiveOnes() {
        store.close();
        store = StateStore.inMemory(StateFixtures.standardTables(), clock, Duration.ofHours(1));
        insert("t_idle", "customers", "{}");
        clock.advance(Duration.ofMinutes(40));
        insert("t_active", "customers", "{}");
        clock.advance(Duration.ofMinutes(40));

        store.sweepExpired();

        assertEquals(List.of("t_active"), store.tenants());
    }

    @Test
    void theBackgroundSweepRunsOnItsOwn() throws InterruptedException {
        store.close();
        store = StateStore.inMemory(StateFixtures.standardTables(), clock, Duration.ofSeconds(2)); // sweeps every 1 s
        insert("t_idle", "customers", "{}");

        clock.advance(Duration.ofHours(1));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!store.tenants().isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // polling, not a sync
        }
        assertEquals(List.of(), store.tenants(), "the sweeper dropped the idle tenant without being asked");
    }

    private Row insert(String tenant, String table, String data) {
        return store.inTransaction(tenant, tables -> tables.insert(table, json(data)));
    }

    private int count(String tenant, String table) {
        return store.inTransaction(tenant, tables -> tables.count(table));
    }

    private Row get(String tenant, String table, String id) {
        return store.inTransaction(tenant, tables -> tables.get(table, id)).orElseThrow();
    }
}
