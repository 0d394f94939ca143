package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.TableConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatePersistenceTest {
    private final StateFixtures.TestClock clock = new StateFixtures.TestClock();
    private final List<TableConfig> tables = StateFixtures.standardTables();

    @TempDir
    Path dir;

    @Test
    void everyTenantsRowsIdsAndSequencesSurviveARestart() {
        Path file = dir.resolve("state.db");
        Row ada;
        Row grace;
        try (StateStore store = StateStore.persistent(file, tables, clock)) {
            ada = insert(store, "t_a", "customers", "{'name': 'Ada'}");
            grace = insert(store, "t_a", "customers", "{'name': 'Grace'}");
            insert(store, "t_a", "messages", "{'body': 'one'}");
            insert(store, "t_a", "messages", "{'body': 'two'}");
            store.inTransaction("t_a", t -> t.replace("customers", "cus_seed", json("{'name': 'Renamed'}")));
            store.inTransaction("t_b", t -> t.delete("customers", "cus_seed"));
            clock.advance(Duration.ofSeconds(1));
            store.inTransaction("t_a", t -> t.replace("customers", ada.id(), json("{'name': 'Ada v2'}")));
        }

        try (StateStore reopened = StateStore.persistent(file, tables, clock)) {
            List<Row> customers = reopened.inTransaction("t_a", t -> t.list("customers"));
            assertEquals(List.of("cus_seed", ada.id(), grace.id()), customers.stream().map(Row::id).toList());
            assertEquals(List.of("Renamed", "Ada v2", "Grace"), customers.stream().map(r -> r.text("name")).toList());
            assertEquals(ada.createdAtMillis(), customers.get(1).createdAtMillis());
            assertEquals(ada.createdAtMillis() + 1_000, customers.get(1).updatedAtMillis());
            assertEquals("3", insert(reopened, "t_a", "messages", "{}").id(), "the sequence goes on");
            assertTrue(reopened.inTransaction("t_b", t -> t.get("customers", "cus_seed")).isEmpty());
            assertEquals("Seed Customer",
                    reopened.inTransaction("t_c", t -> t.get("customers", "cus_seed")).orElseThrow().text("name"));
        }
    }

    @Test
    void deletesResetsAndSnapshotsSurviveARestart() {
        Path file = dir.resolve("state.db");
        Row kept;
        try (StateStore store = StateStore.persistent(file, tables, clock)) {
            kept = insert(store, "t_a", "customers", "{'name': 'kept'}");
            Row gone = insert(store, "t_a", "customers", "{'name': 'gone'}");
            store.inTransaction("t_a", t -> t.delete("customers", gone.id()));
            insert(store, "t_b", "customers", "{'name': 'reset away'}");
            store.resetTenant("t_b");
            store.saveSnapshot("baseline");
            insert(store, "t_a", "customers", "{'name': 'after the snapshot'}");
        }

        try (StateStore reopened = StateStore.persistent(file, tables, clock)) {
            assertEquals(List.of("Seed Customer", "kept", "after the snapshot"), names(reopened, "t_a"));
            assertEquals(List.of("Seed Customer"), names(reopened, "t_b"));
            assertEquals(List.of("baseline"), reopened.snapshots());
            reopened.restoreSnapshot("baseline");
            assertEquals(List.of("Seed Customer", "kept"), names(reopened, "t_a"));
            assertEquals(kept.id(), reopened.inTransaction("t_a", t -> t.list("customers")).get(1).id());
        }

        try (StateStore again = StateStore.persistent(file, tables, clock)) {
            assertEquals(List.of("Seed Customer", "kept"), names(again, "t_a"), "the restore itself is kept");
            again.reset();
        }

        try (StateStore afterReset = StateStore.persistent(file, tables, clock)) {
            assertEquals(List.of("Seed Customer"), names(afterReset, "t_a"));
            assertEquals(List.of("baseline"), afterReset.snapshots(), "a reset keeps snapshots");
        }
    }

    @Test
    void aResetTableStaysResetAfterARestart() {
        Path file = dir.resolve("state.db");
        try (StateStore store = StateStore.persistent(file, tables, clock)) {
            insert(store, "t_a", "customers", "{'name': 'gone'}");
            insert(store, "t_a", "messages", "{}");
            store.resetTable(null, "customers");
        }

        try (StateStore reopened = StateStore.persistent(file, tables, clock)) {
            assertEquals(List.of("Seed Customer"), names(reopened, "t_a"));
            assertEquals("2", insert(reopened, "t_a", "messages", "{}").id());
        }
    }

    @Test
    void aTenantIdleLongerThanTheExpiryLosesItsWritesAcrossARestart() {
        Path file = dir.resolve("state.db");
        try (StateStore store = StateStore.persistent(file, tables, clock, Duration.ofHours(1))) {
            insert(store, "t_idle", "customers", "{'name': 'old'}");
            clock.advance(Duration.ofMinutes(30));
            insert(store, "t_recent", "customers", "{'name': 'recent'}");
        }
        clock.advance(Duration.ofMinutes(45));

        try (StateStore reopened = StateStore.persistent(file, tables, clock, Duration.ofHours(1))) {
            assertEquals(List.of("Seed Customer"), names(reopened, "t_idle"));
            assertEquals(List.of("Seed Customer", "recent"), names(reopened, "t_recent"));
        }
    }

    @Test
    void aStateFileInUseIsAClearError() {
        Path file = dir.resolve("state.db");
        try (StateStore store = StateStore.persistent(file, tables, clock)) {
            UncheckedIOException inUse = assertThrows(UncheckedIOException.class,
                    () -> StateStore.persistent(file, tables, clock));
            assertTrue(inUse.getCause().getMessage().contains(file.toString()), inUse.getCause().getMessage());
        }
    }

    private static List<String> names(StateStore store, String tenant) {
        return store.inTransaction(tenant, t -> t.list("customers")).stream().map(r -> r.text("name")).toList();
    }

    private static Row insert(StateStore store, String tenant, String table, String data) {
        return store.inTransaction(tenant, t -> t.insert(table, json(data)));
    }
}
