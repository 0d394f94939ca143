package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static dev.twin.replayer.internal.state.StateFixtures.prefixTable;
import static dev.twin.replayer.internal.state.StateFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index of a filtered field, for two tenants over shared seeds, through creates, updates that change the field
 * (to another value, null, an object, or away), soft and hard deletes of seed and own rows, snapshots restored,
 * tenant resets and a reopened state file: after every step its rows per value, their order and ranks, and the
 * count of rows having the field match a naive filter over the tenant's listed rows.
 */
class FieldIndexPropertyTest {
    private static final List<String> TENANTS = List.of("t_a", "t_b");
    private static final List<String> VALUES = List.of("o1", "o2", "o3", "");

    @TempDir
    Path dir;
    private final Random random = new Random(1806);
    private final List<dev.twin.replayer.config.TableConfig> tables = List.of(prefixTable("things", "th_", rows(
            "{'id': 'th_s0', 'owner': 'o1'}", "{'id': 'th_s1', 'owner': 'o2'}", "{'id': 'th_s2'}",
            "{'id': 'th_s3', 'owner': 'o1'}", "{'id': 'th_s4', 'owner': null}"), 0));
    private final StateFixtures.TestClock clock = new StateFixtures.TestClock();

    /** The indexed field; with a default, a row lacking it shows null. */
    private FilteredField owner = new FilteredField("owner", null);

    @Test
    void rowsPerValueMatchANaiveFilterThroughEveryKindOfChange() {
        changeRandomlyAndCompare(dir.resolve("state.db"));
    }

    @Test
    void rowsLackingAFieldWithADefaultAreFiledUnderTheDefault() {
        owner = new FilteredField("owner", NullNode.getInstance());
        changeRandomlyAndCompare(dir.resolve("defaults.db"));
    }

    private void changeRandomlyAndCompare(Path file) {
        StateStore store = open(file);
        try {
            for (int step = 0; step < 600; step++) {
                String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
                int op = random.nextInt(100);
                if (op < 40) {
                    store.inTransaction(tenant, t -> t.insert("things", thing()));
                } else if (op < 65) {
                    String id = anyListed(store, tenant);
                    if (id != null) {
                        store.inTransaction(tenant, t -> t.replace("things", id, thing()));
                    }
                } else if (op < 80) {
                    String id = anyListed(store, tenant);
                    if (id != null) {
                        store.inTransaction(tenant, t -> t.delete("things", id));
                    }
                } else if (op < 86) {
                    String id = anyListed(store, tenant);
                    if (id != null) {
                        store.inTransaction(tenant, t -> t.replace("things", id,
                                json("{'owner': 'o1', '" + Row.DELETED_MARKER + "': true}")));
                    }
                } else if (op < 90) {
                    store.saveSnapshot("s");
                } else if (op < 94 && store.snapshots().contains("s")) {
                    store.restoreSnapshot("s");
                } else if (op < 96) {
                    store.resetTenant(tenant);
                } else {
                    store.close();
                    store = open(file);
                }
                for (String each : TENANTS) {
                    assertIndexMatchesTheWalk(store, each, "step " + step);
                }
            }
        } finally {
            store.close();
        }
    }

    @Test
    void aFieldNotDeclaredHasNoIndex() {
        try (StateStore store = open(dir.resolve("other.db"))) {
            assertTrue(store.inTransaction("t_a", t -> t.indexed("things", "name")).isEmpty());
        }
    }

    private StateStore open(Path file) {
        StateStore store = StateStore.persistent(file, tables, clock);
        store.indexFilterFields(Map.of("things", Set.of(owner)));
        return store;
    }

    private ObjectNode thing() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return json("{'name': 'no owner'}");
        }
        if (kind == 1) {
            return json("{'owner': {'nested': 'o1'}}");
        }
        if (kind == 2) {
            return json("{'owner': null}");
        }
        return json("{'owner': '" + VALUES.get(random.nextInt(3)) + "'}");
    }

    private String anyListed(StateStore store, String tenant) {
        List<Row> listed = store.inTransaction(tenant, t -> t.list("things")).stream().filter(Row::isListed).toList();
        return listed.isEmpty() ? null : listed.get(random.nextInt(listed.size())).id();
    }

    private void assertIndexMatchesTheWalk(StateStore store, String tenant, String when) {
        store.inTransaction(tenant, t -> {
            List<Row> listed = t.list("things").stream().filter(Row::isListed).toList();
            IndexedField index = t.indexed("things", "owner").orElseThrow();
            assertEquals(listed.stream().filter(row -> row.has("owner") || owner.whenAbsent() != null).count(),
                    index.rowsWithField(),
                    tenant + " rows with the field, " + when);
            for (String value : VALUES) {
                List<String> expected = new ArrayList<>();
                for (Row row : listed) {
                    var shown = row.has("owner") ? row.data().get("owner") : owner.whenAbsent();
                    if (shown != null && !shown.isContainerNode() && (shown.isNull() ? "" : shown.asText())
                            .equals(value)) {
                        expected.add(row.id());
                    }
                }
                RowOrder rows = index.rowsWith(value);
                List<String> actual = new ArrayList<>();
                for (int rank = 0; rank < rows.size(); rank++) {
                    actual.add(rows.at(rank).id());
                    assertEquals(rank, rows.rank(rows.at(rank).id()), "rank of " + rows.at(rank).id());
                }
                assertEquals(expected, actual, tenant + " owner='" + value + "', " + when);
                listed.stream().filter(row -> !expected.contains(row.id())).forEach(row ->
                        assertEquals(-1, rows.rank(row.id()), row.id() + " is not among owner='" + value + "'"));
            }
            return null;
        });
    }
}
