package dev.twin.recorder.store;

import dev.twin.recorder.PrivateFiles;
import dev.twin.recorder.SampleExchanges;
import dev.twin.recorder.har.HarExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every file of a store (its write-ahead log too) and every HAR export is created readable by its owner only. */
class OwnerOnlyStoreFilesTest {
    @TempDir
    Path dir;

    @Test
    void theStoreAndItsLogFilesAreOwnerOnlyWhileRecordingAndAfter() throws IOException {
        assumeTrue(PrivateFiles.isPosix(dir), "POSIX permissions");
        Path file = dir.resolve("twin.db");

        try (RecordingStore store = RecordingStore.open(file)) {
            for (int i = 0; i < 50; i++) {
                store.append(SampleExchanges.get("modes", "/v1/items/" + i));
            }
            List<Path> beforeCommit = files();
            assertTrue(beforeCommit.size() > 1, "uncommitted appends live in a write-ahead log: " + beforeCommit);
            assertOwnerOnly(beforeCommit);
            store.commit();
        }

        assertOwnerOnly(files());
    }

    @Test
    void aHarExportIsOwnerOnlyEvenOverAWorldReadableFile() throws IOException {
        assumeTrue(PrivateFiles.isPosix(dir), "POSIX permissions");
        Path har = dir.resolve("export.har");
        Files.writeString(har, "old");
        Files.setPosixFilePermissions(har, PosixFilePermissions.fromString("rw-r--r--"));

        long count = HarExporter.export(List.of(SampleExchanges.get("modes", "/v1/x")).iterator(), har);

        assertEquals(1, count);
        assertOwnerOnly(List.of(har));
        assertEquals(List.of(har), files(), "no temporary file left beside it");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.toList();
        }
    }

    private static void assertOwnerOnly(List<Path> paths) throws IOException {
        for (Path path : paths) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
                    path.getFileName().toString());
        }
    }
}
