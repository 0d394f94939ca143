package dev.twin.recorder.store;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.SampleExchanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingStoreTest {
    @TempDir
    Path dir;

    @Test
    void appendedExchangeIsReadBackWithItsNewId() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            long id = store.append(SampleExchanges.get("s1", "/v1/customers"));

            Exchange read = store.get(id).orElseThrow();

            assertEquals(id, read.id());
            assertTrue(SampleExchanges.sameContent(SampleExchanges.get("s1", "/v1/customers"), read));
        }
    }

    @Test
    void idsIncreaseAndAreNotReusedAfterClear() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            long first = store.append(SampleExchanges.get("s1", "/a"));
            long second = store.append(SampleExchanges.get("s1", "/b"));
            store.clear(null);
            long third = store.append(SampleExchanges.get("s1", "/c"));

            assertTrue(first < second && second < third);
        }
    }

    @Test
    void exchangesOfOneSessionAreIteratedInIdOrder() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            store.append(SampleExchanges.get("a", "/1"));
            store.append(SampleExchanges.get("b", "/2"));
            store.append(SampleExchanges.get("a", "/3"));
            store.append(SampleExchanges.failed("ab"));

            List<String> pathsOfA = store.exchanges("a").map(e -> e.request().path()).toList();
            List<String> allPaths = store.exchanges(null).map(e -> e.request().path()).toList();

            assertEquals(List.of("/1", "/3"), pathsOfA);
            assertEquals(List.of("/1", "/2", "/3", "/"), allPaths);
        }
    }

    @Test
    void sessionsAreListedWithTheirCounts() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            store.append(SampleExchanges.get("a", "/1"));
            store.append(SampleExchanges.get("b", "/2"));
            store.append(SampleExchanges.failed("a"));

            assertEquals(List.of("a", "b"), store.sessions());
            SessionSummary a = store.sessionSummaries().get(0);
            assertEquals(2, a.count());
            assertTrue(a.firstStartedAt().isBefore(a.lastStartedAt()));
            assertEquals(3, store.count());
        }
    }

    @Test
    void clearingASessionLeavesTheOthers() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            store.append(SampleExchanges.get("a", "/1"));
            long kept = store.append(SampleExchanges.get("b", "/2"));

            store.clear("a");

            assertEquals(List.of("b"), store.sessions());
            assertEquals(List.of(kept), store.exchanges(null).map(Exchange::id).toList());
            assertEquals(1, store.count());
        }
    }

    @Test
    void latestReturnsTheLastExchangesOldestFirst() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            for (int i = 0; i < 5; i++) {
                store.append(SampleExchanges.get(i % 2 == 0 ? "even" : "odd", "/" + i));
            }

            assertEquals(List.of("/3", "/4"), store.latest(null, 2).stream().map(e -> e.request().path()).toList());
            assertEquals(List.of("/2", "/4"),
                    store.latest("even", 2).stream().map(e -> e.request().path()).toList());
        }
    }

    @Test
    void committedExchangesSurviveReopeningReadOnly() throws Exception {
        Path file = dir.resolve("twin.db");
        try (RecordingStore store = RecordingStore.open(file)) {
            store.append(SampleExchanges.get("a", "/1"));
            store.commit();
        }
        byte[] before = Files.readAllBytes(file);

        try (RecordingStore store = RecordingStore.openReadOnly(file)) {
            assertEquals(1, store.count());
            assertThrows(IllegalStateException.class, () -> store.append(SampleExchanges.get("a", "/2")));
        }

        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "read-only open changed the file");
    }

    @Test
    void secondOpenOfTheSameFileIsRefusedAsInUse() {
        Path file = dir.resolve("twin.db");
        try (RecordingStore store = RecordingStore.open(file)) {
            StoreInUseException writable = assertThrows(StoreInUseException.class, () -> RecordingStore.open(file));
            StoreInUseException readOnly = assertThrows(StoreInUseException.class,
                    () -> RecordingStore.openReadOnly(file));

            assertTrue(writable.getMessage().contains("twin.db is in use by another twin process"),
                    writable.getMessage());
            assertTrue(readOnly.getMessage().contains("in use"), readOnly.getMessage());
        }
    }

    @Test
    void fileIsUsableAgainAfterClose() {
        Path file = dir.resolve("twin.db");
        RecordingStore.open(file).close();

        try (RecordingStore again = RecordingStore.open(file)) {
            assertEquals(0, again.count());
        }
    }

    @Test
    void readOnlyOpenOfAMissingFileFailsNamingTheFile() {
        Path file = dir.resolve("missing.db");

        StoreException e = assertThrows(StoreException.class, () -> RecordingStore.openReadOnly(file));

        assertTrue(e.getMessage().contains("missing.db"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void corruptFileIsReportedAsUnreadableStore() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "this is not a MapDB file, just some text that happens to be here\n".repeat(50));

        StoreException writable = assertThrows(StoreException.class, () -> RecordingStore.open(file));
        StoreException readOnly = assertThrows(StoreException.class, () -> RecordingStore.openReadOnly(file));

        assertTrue(writable.getMessage().contains("notes.db"), writable.getMessage());
        assertTrue(readOnly.getMessage().contains("notes.db"), readOnly.getMessage());
    }

    @Test
    void interleavedSessionsKeepTheirOwnIdsAcrossReopening() throws Exception {
        Path file = dir.resolve("twin.db");
        try (RecordingStore store = RecordingStore.open(file)) {
            for (int i = 1; i <= 6; i++) {
                store.append(SampleExchanges.get(i <= 2 || i == 5 ? "a" : "b", "/" + i));
            }
            store.commit();
        }
        try (RecordingStore store = RecordingStore.openReadOnly(file)) {
            assertEquals(List.of("/1", "/2", "/5"), store.exchanges("a").map(e -> e.request().path()).toList());
            assertEquals(List.of("/3", "/4", "/6"), store.exchanges("b").map(e -> e.request().path()).toList());
            assertEquals(List.of("/4", "/6"), store.latest("b", 2).stream().map(e -> e.request().path()).toList());
            assertEquals(List.of(), store.exchanges("c").toList());
        }
    }

    @Test
    void storeWrittenWithTheEarlierSessionIndexIsReadAndKeptUpToDate() throws Exception {
        Path file = dir.resolve("earlier.db");
        writeWithEarlierSessionIndex(file, List.of(SampleExchanges.get("a", "/1"), SampleExchanges.get("b", "/2"),
                SampleExchanges.get("a", "/3")));

        try (RecordingStore store = RecordingStore.openReadOnly(file)) {
            assertEquals(List.of("/1", "/3"), store.exchanges("a").map(e -> e.request().path()).toList());
            assertEquals(2, store.count("a"));
        }
        try (RecordingStore store = RecordingStore.open(file)) {
            store.append(SampleExchanges.get("a", "/4"));
            store.commit();
        }
        try (RecordingStore store = RecordingStore.openReadOnly(file)) {
            assertEquals(List.of("/1", "/3", "/4"), store.exchanges("a").map(e -> e.request().path()).toList());
            assertEquals(List.of("/2"), store.exchanges("b").map(e -> e.request().path()).toList());
        }
    }

    /** The layout twin wrote before sessions kept id runs: a (session, id) B-tree beside the exchanges. */
    @SuppressWarnings("unchecked")
    private static void writeWithEarlierSessionIndex(Path file, List<Exchange> exchanges) {
        try (org.mapdb.DB db = org.mapdb.DBMaker.fileDB(file.toFile()).fileMmapEnableIfSupported()
                .transactionEnable().make()) {
            var byId = db.treeMap("exchanges", org.mapdb.Serializer.LONG, org.mapdb.Serializer.BYTE_ARRAY)
                    .valuesOutsideNodesEnable().createOrOpen();
            var bySession = (org.mapdb.BTreeMap<Object[], Boolean>) db.treeMap("exchangesBySession")
                    .keySerializer(new org.mapdb.serializer.SerializerArrayTuple(org.mapdb.Serializer.STRING,
                            org.mapdb.Serializer.LONG))
                    .valueSerializer(org.mapdb.Serializer.BOOLEAN).createOrOpen();
            var summaries = db.treeMap("sessions", org.mapdb.Serializer.STRING, org.mapdb.Serializer.LONG_ARRAY)
                    .createOrOpen();
            long id = 0;
            for (Exchange exchange : exchanges) {
                byId.put(++id, ExchangeCodec.encode(exchange));
                bySession.put(new Object[]{exchange.session(), id}, Boolean.TRUE);
                summaries.put(exchange.session(), SessionCounts.add(summaries.get(exchange.session()),
                        exchange.startedAt()));
            }
            db.atomicLong("lastId").createOrOpen().set(id);
            db.commit();
        }
    }

    @Test
    void rollbackDiscardsUncommittedAppends() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            store.append(SampleExchanges.get("a", "/kept"));
            store.commit();
            store.append(SampleExchanges.get("a", "/dropped"));

            store.rollback();

            assertEquals(List.of("/kept"), store.exchanges(null).map(e -> e.request().path()).toList());
            assertEquals(1, store.count("a"));
        }
    }

    @Test
    void storeInAMissingDirectoryIsReportedWithThatDirectory() {
        Path file = dir.resolve("nowhere").resolve("twin.db");

        StoreException e = assertThrows(StoreException.class, () -> RecordingStore.open(file));

        assertEquals("cannot create store " + file + ": directory " + file.getParent() + " does not exist",
                e.getMessage());
    }
}
