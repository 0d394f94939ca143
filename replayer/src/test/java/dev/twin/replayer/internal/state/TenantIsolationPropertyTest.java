package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static dev.twin.replayer.internal.state.StateFixtures.prefixTable;
import static dev.twin.replayer.internal.state.StateFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Random interleavings of two tenants' inserts, replaces and deletes (seed rows included) never leak: after every
 * step each tenant's table equals a simple model of that tenant alone (an ordered map of id to data).
 */
class TenantIsolationPropertyTest {
    private static final List<String> TENANTS = List.of("t_alice", "t_bob");
    private static final int RUNS = 200;
    private static final int STEPS = 60;

    @Test
    void randomInterleavingsOfTwoTenantsWritesNeverLeak() {
        for (int run = 0; run < RUNS; run++) {
            long seed = 1_000L + run;
            try (StateStore store = StateStore.inMemory(List.of(prefixTable("items", "it_",
                    rows("{'id': 'seed_1', 'v': 's1'}", "{'id': 'seed_2', 'v': 's2'}"), 0)), Clock.systemUTC())) {
                checkRun(store, new Random(seed), seed);
            }
        }
    }

    private static void checkRun(StateStore store, Random random, long seed) {
        Map<String, LinkedHashMap<String, String>> models = new LinkedHashMap<>();
        for (String tenant : TENANTS) {
            LinkedHashMap<String, String> model = new LinkedHashMap<>();
            model.put("seed_1", "s1");
            model.put("seed_2", "s2");
            models.put(tenant, model);
        }
        for (int step = 0; step < STEPS; step++) {
            String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
            LinkedHashMap<String, String> model = models.get(tenant);
            String value = tenant + "-" + step;
            List<String> ids = new ArrayList<>(model.keySet());
            int action = random.nextInt(10);
            if (action < 4 || ids.isEmpty()) {
                // Sometimes re-use an id the other tenant has: it must not conflict across tenants.
                String wanted = random.nextInt(4) == 0 ? "shared_" + random.nextInt(3) : null;
                if (wanted != null && model.containsKey(wanted)) {
                    wanted = null;
                }
                ObjectNode data = json("{'v': '" + value + "'}");
                if (wanted != null) {
                    data.put("id", wanted);
                }
                Row row = store.inTransaction(tenant, tables -> tables.insert("items", data));
                model.put(row.id(), value);
            } else if (action < 7) {
                String id = ids.get(random.nextInt(ids.size()));
                store.inTransaction(tenant, tables -> tables.replace("items", id, json("{'v': '" + value + "'}")));
                model.put(id, value);
            } else if (action < 9) {
                String id = ids.get(random.nextInt(ids.size()));
                store.inTransaction(tenant, tables -> tables.delete("items", id));
                model.remove(id);
            } else {
                assertThrows(IllegalStateException.class, () -> store.inTransaction(tenant, tables -> {
                    tables.insert("items", json("{'v': 'rolled back'}"));
                    throw new IllegalStateException("rolled back");
                }));
            }
            for (String observed : TENANTS) {
                assertEquals(models.get(observed), snapshotOf(store, observed),
                        "seed " + seed + ", step " + step + ": " + observed + " sees exactly its own writes");
            }
        }
    }

    private static Map<String, String> snapshotOf(StateStore store, String tenant) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Row row : store.inTransaction(tenant, tables -> tables.list("items"))) {
            seen.put(row.id(), row.text("v"));
        }
        return seen;
    }
}
