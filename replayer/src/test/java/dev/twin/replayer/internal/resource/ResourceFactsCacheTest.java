package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecLoader;
import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code stateful: auto} reads off a spec is kept in the start-up cache under the spec's checksum: a later
 * launch of the unchanged spec derives exactly the same tables and bindings from the entry, without reading the
 * spec's models; an unreadable entry is read past.
 */
class ResourceFactsCacheTest {

    @ParameterizedTest
    @ValueSource(strings = {"../examples/stripe/spec3.json", "../examples/twilio/twilio_api_v2010.json"})
    void givenASpecDerivedOnce_whenLaunchedAgain_thenTheKeptFactsGiveTheSameTablesAndBindings(String file,
                                                                                            @TempDir Path home)
            throws Exception {
        StartupCache cache = StartupCache.at(home);
        TwinConfig config = ConfigLoader.forSpecs(List.of(Path.of(file)));
        config = config.withStateful(config.stateful().turnedOn());

        TwinConfig fresh = StatefulAuto.expand(config, cache);
        awaitWrites();
        SpecDocument spec = SpecLoader.load(Path.of(file), config.imports().get(0).as(), cache);
        assertTrue(ResourceFactsCache.find(cache, spec).isPresent(), "kept after the first launch");
        TwinConfig kept = StatefulAuto.expand(config, cache);

        assertEquals(fresh.tables().toString(), kept.tables().toString());
        assertEquals(fresh.extend().toString(), kept.extend().toString());
        assertEquals(fresh.stateful().derivedTables(), kept.stateful().derivedTables());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../examples/stripe/spec3.json"})
    void givenACorruptEntry_whenLaunched_thenTheSpecIsReadAgain(String file, @TempDir Path home) throws Exception {
        StartupCache cache = StartupCache.at(home);
        TwinConfig config = ConfigLoader.forSpecs(List.of(Path.of(file)));
        config = config.withStateful(config.stateful().turnedOn());
        TwinConfig fresh = StatefulAuto.expand(config, cache);
        awaitWrites();
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().contains(".resources-")).toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                bytes[bytes.length - 20] ^= 0x5A;
                Files.write(entry, bytes);
            }
        }

        TwinConfig again = StatefulAuto.expand(config, cache);

        assertEquals(fresh.tables().toString(), again.tables().toString());
    }

    private static void awaitWrites() throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        StartupCache.afterPendingWrites(written::countDown);
        assertTrue(written.await(60, TimeUnit.SECONDS));
    }
}
