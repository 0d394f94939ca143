package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.redis.RedisServerExtension;
import dev.twin.replayer.config.TableConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * The tenant-isolation property of the replayer's {@code TenantIsolationPropertyTest}, on three replicas sharing
 * one real Redis: random interleavings of two tenants' inserts, replaces, deletes and rolled-back transactions
 * (seed rows included), each step on a replica drawn at random, never leak, and after every step each tenant's
 * table on every replica equals a simple model of that tenant alone, in the same order.
 */
class SharedTenantIsolationPropertyTest {
    private static final List<String> TENANTS = List.of("t_alice", "t_bob");
    private static final int RUNS = 30;
    private static final int STEPS = 60;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();



    @Test
    void randomInterleavingsOnThreeReplicasNeverLeak() throws Exception {
        List<TableConfig> tables = List.of(prefixTable("items", "it_",
                rows("{'id': 'seed_1', 'v': 's1'}", "{'id': 'seed_2', 'v': 's2'}"), 0));
        for (int run = 0; run < RUNS; run++) {
            long seed = 1_000L + run;
            List<StateStore> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    replicas.add(StateStore.shared(open("?prefix=isolation" + run), tables, Clock.systemUTC(),
                            TenantQuota.DEFAULTS));
                }
                checkRun(replicas, new Random(seed), seed);
            } finally {
                replicas.forEach(StateStore::close);
            }
        }
    }

    private static SharedState open(String query) {
        return SharedRedis.open(REDIS.server(), query);
    }

    private static void checkRun(List<StateStore> replicas, Random random, long seed) {
        Map<String, LinkedHashMap<String, String>> models = new LinkedHashMap<>();
        for (String tenant : TENANTS) {
            LinkedHashMap<String, String> model = new LinkedHashMap<>();
            model.put("seed_1", "s1");
            model.put("seed_2", "s2");
            models.put(tenant, model);
        }
        for (int step = 0; step < STEPS; step++) {
            StateStore store = replicas.get(random.nextInt(replicas.size()));
            String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
            LinkedHashMap<String, String> model = models.get(tenant);
            String value = tenant + "-" + step;
            List<String> ids = new ArrayList<>(model.keySet());
            int action = random.nextInt(10);
            if (action < 4 || ids.isEmpty()) {
                // sometimes an id the other tenant has, or a deleted seed's: no conflict across tenants
                String wanted = random.nextInt(4) == 0 ? "shared_" + random.nextInt(3)
                        : random.nextInt(6) == 0 ? "seed_" + (1 + random.nextInt(2)) : null;
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
            for (int replica = 0; replica < replicas.size(); replica++) {
                for (String observed : TENANTS) {
                    assertEquals(models.get(observed), listed(replicas.get(replica), observed), "seed " + seed
                            + ", step " + step + ": replica " + replica + " shows " + observed + " its own writes");
                    int count = replicas.get(replica).inTransaction(observed, tables -> tables.count("items"));
                    assertEquals(models.get(observed).size(), count, "count");
                }
            }
        }
    }

    /** The rows as a list page reads them (the order index), and as a walk of every row: both the model's. */
    private static Map<String, String> listed(StateStore store, String tenant) {
        return store.inTransaction(tenant, tables -> {
            Map<String, String> walked = new LinkedHashMap<>();
            tables.list("items").forEach(row -> walked.put(row.id(), row.text("v")));
            Map<String, String> paged = new LinkedHashMap<>();
            RowOrder order = tables.listed("items");
            for (int i = 0; i < order.size(); i++) {
                Row row = order.at(i);
                paged.put(row.id(), row.text("v"));
            }
            assertEquals(walked, paged, "the order index lists what the rows hold");
            return walked;
        });
    }
}
