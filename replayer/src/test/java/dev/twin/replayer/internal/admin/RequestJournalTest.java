package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.response.AnswerSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestJournalTest {

    @Test
    void givenFewerEntriesThanTheCapacity_whenListed_thenAllComeNewestFirst() {
        RequestJournal journal = new RequestJournal(10);
        journal.add(entry("/a"));
        journal.add(entry("/b"));

        assertEquals(List.of("/b", "/a"), paths(journal));
    }

    @Test
    void givenMoreEntriesThanTheCapacity_whenListed_thenOnlyTheNewestAreKept() {
        RequestJournal journal = new RequestJournal(3);
        for (int i = 1; i <= 7; i++) {
            journal.add(entry("/" + i));
        }

        assertEquals(List.of("/7", "/6", "/5"), paths(journal));
    }

    @Test
    void givenAClearedJournal_whenNewEntriesArrive_thenOnlyThoseAreListed() {
        RequestJournal journal = new RequestJournal(3);
        journal.add(entry("/old1"));
        journal.add(entry("/old2"));
        journal.clear();
        journal.add(entry("/new"));

        assertEquals(List.of("/new"), paths(journal));
    }

    @Test
    void givenAZeroCapacity_whenEntriesArrive_thenNothingIsKept() {
        RequestJournal journal = new RequestJournal(0);
        journal.add(entry("/a"));

        assertEquals(List.of(), paths(journal));
    }

    @Test
    void givenConcurrentWriters_whenAllFinished_thenTheJournalHoldsExactlyTheCapacityOfDistinctEntries()
            throws Exception {
        RequestJournal journal = new RequestJournal(100);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 1000; i++) {
                        journal.add(entry("/" + thread + "/" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> paths = paths(journal);
        assertEquals(100, paths.size());
        assertEquals(100, new HashSet<>(paths).size());
        assertTrue(paths.stream().allMatch(p -> Integer.parseInt(p.substring(p.lastIndexOf('/') + 1)) >= 900),
                "only entries from the end of each writer's run remain: " + paths);
    }

    private static JournalEntry entry(String path) {
        return new JournalEntry(Instant.now(), "GET", path, "anonymous", 200, "petstore.getPet",
                AnswerSource.SPEC_EXAMPLE, null);
    }

    private static List<String> paths(RequestJournal journal) {
        return journal.recent().stream().map(JournalEntry::path).toList();
    }
}
