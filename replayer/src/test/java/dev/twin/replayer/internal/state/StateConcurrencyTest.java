package dev.twin.replayer.internal.state;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StateConcurrencyTest {

    @Test
    void transactionsOfOneTenantRunOneAtATimeSoReadModifyWriteNeverLosesAnUpdate() throws Exception {
        int threads = 4;
        int increments = 500;
        try (StateStore store = StateStore.inMemory(StateFixtures.standardTables(), Clock.systemUTC())) {
            store.inTransaction("t_a", t -> t.insert("customers", json("{'id': 'cus_counter', 'n': 0}")));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < increments; n++) {
                        store.inTransaction("t_a", t -> {
                            int current = t.get("customers", "cus_counter").orElseThrow().data().get("n").asInt();
                            return t.replace("customers", "cus_counter", json("{'n': " + (current + 1) + "}"));
                        });
                        store.inTransaction("t_b", t -> t.insert("messages", json("{}")));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();

            int counter = store.inTransaction("t_a", t -> t.get("customers", "cus_counter").orElseThrow())
                    .data().get("n").asInt();
            assertEquals(threads * increments, counter);
            List<Row> messages = store.inTransaction("t_b", t -> t.list("messages"));
            assertEquals(threads * increments, messages.size());
            assertEquals(String.valueOf(threads * increments), messages.get(messages.size() - 1).id(),
                    "sequence ids are handed out once each, in order");
        }
    }
}
