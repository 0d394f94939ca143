package dev.twin.recorder.store;

import dev.twin.recorder.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreAcrossProcessesTest {
    @TempDir
    Path dir;

    @Test
    void storeHeldByAnotherProcessIsReportedInUse() throws Exception {
        Path file = dir.resolve("twin.db");
        try (ChildJvm child = ChildJvm.start("hold", file)) {
            assertEquals("opened", child.readLine());

            StoreInUseException writable = assertThrows(StoreInUseException.class, () -> RecordingStore.open(file));
            StoreInUseException readOnly = assertThrows(StoreInUseException.class,
                    () -> RecordingStore.openReadOnly(file));

            assertEquals("store " + file + " is in use by another twin process", writable.getMessage());
            assertEquals("store " + file + " is in use by another twin process", readOnly.getMessage());
        }
    }

    @Test
    void storeIsFreeAgainOnceTheOtherProcessEnds() throws Exception {
        Path file = dir.resolve("twin.db");
        try (ChildJvm child = ChildJvm.start("hold", file)) {
            assertEquals("opened", child.readLine());
            child.process().getOutputStream().close();
            assertEquals(0, child.process().waitFor());
        }

        try (RecordingStore store = RecordingStore.open(file)) {
            assertEquals(0, store.count());
        }
    }

    @Test
    void afterKillDashNineEveryCommittedExchangeIsStillThere() throws Exception {
        Path file = dir.resolve("twin.db");
        long committed = 0;
        try (ChildJvm child = ChildJvm.start("record", file)) {
            assertEquals("opened", child.readLine());
            while (committed < 200) {
                String line = child.readLine();
                assertTrue(line != null && line.startsWith("committed "), "child said: " + line);
                committed = Long.parseLong(line.substring("committed ".length()));
            }
            child.process().destroyForcibly();
            child.process().waitFor();
        }

        try (RecordingStore readOnly = RecordingStore.openReadOnly(file)) {
            assertTrue(readOnly.count() >= committed, readOnly.count() + " readable, " + committed + " committed");
        }
        try (RecordingStore store = RecordingStore.open(file)) {
            List<Long> ids = store.exchanges(null).map(Exchange::id).toList();
            assertTrue(ids.size() >= committed, ids.size() + " stored, " + committed + " committed");
            assertEquals(LongStream.rangeClosed(1, ids.size()).boxed().toList(), ids);
            assertEquals(ids.size(), store.count());
            assertEquals("/n/0", store.get(1).orElseThrow().request().path());
        }
    }

    @Test
    void afterKillDashNineEveryExchangeReportedStoredIsThereWithoutACommit() throws Exception {
        Path file = dir.resolve("twin.db");
        try (ChildJvm child = ChildJvm.start("journal", file)) {
            assertEquals("opened", child.readLine());
            assertEquals("stored 50", child.readLine());
            child.process().destroyForcibly();
            child.process().waitFor();
        }

        try (RecordingStore readOnly = RecordingStore.openReadOnly(file)) {
            assertEquals(LongStream.range(0, 50).mapToObj(i -> "/j/" + i).toList(),
                    readOnly.exchanges("journal").map(exchange -> exchange.request().path()).toList());
            assertEquals(50, readOnly.count());
        }
    }

    @Test
    void sigtermFlushesQueuedExchangesBeforeExit() throws Exception {
        Path file = dir.resolve("twin.db");
        try (ChildJvm child = ChildJvm.start("queue", file)) {
            assertEquals("opened", child.readLine());
            assertEquals("queued", child.readLine());

            child.process().destroy();
            child.process().waitFor();
        }

        try (RecordingStore store = RecordingStore.openReadOnly(file)) {
            assertEquals(100, store.count("term"));
        }
    }
}
