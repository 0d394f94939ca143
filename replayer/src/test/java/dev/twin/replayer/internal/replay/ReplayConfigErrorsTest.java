package dev.twin.replayer.internal.replay;

import dev.twin.recorder.store.RecordingStore;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.ReplayConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.server.ResponderFactory;
import dev.twin.replayer.internal.server.ServedApi;
import dev.twin.replayer.internal.server.ServedApiLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes in {@code replay:} are reported as file:line:column, and nothing is served. */
class ReplayConfigErrorsTest {
    private static final String BLOCK = """
            replay:
              store: twin.db
              sessions:
                - monday
                - nope
            """;

    @TempDir
    Path dir;

    @Test
    void aMissingStoreIsReportedAtItsLine() throws Exception {
        Path config = new ReplayFixture(dir).writeConfig("replay: {store: nope.db}\n", "");
        Files.writeString(dir.resolve("spec.yaml"), ReplayFixture.SPEC);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config));

        assertEquals(config + ":4:17: replay.store: store file not found: nope.db (record one with: twin record "
                + "--store nope.db)", e.getMessage());
    }

    @Test
    void aSessionTheStoreDoesNotHoldIsReportedWithTheSessionsItHas() throws Exception {
        Path config = new ReplayFixture(dir)
                .record("monday", "GET", "/v1/pets", null, 200, "[]")
                .record("tuesday", "GET", "/v1/pets", null, 200, "[]")
                .write(BLOCK, "");

        ConfigException e = assertThrows(ConfigException.class, () -> load(config));

        assertEquals(config + ":8:7: replay.sessions[1]: no session 'nope' in twin.db; its sessions: monday, "
                + "tuesday", e.getMessage());
    }

    @Test
    void aStoreARecorderHoldsIsReportedAsInUse() throws Exception {
        ReplayFixture fixture = new ReplayFixture(dir).record("monday", "GET", "/v1/pets", null, 200, "[]");
        Path config = fixture.write("replay: {store: twin.db}\n", "");

        try (RecordingStore recorder = RecordingStore.open(fixture.store())) {
            ConfigException e = assertThrows(ConfigException.class, () -> load(config));

            assertTrue(e.getMessage().startsWith(config + ":4:17: replay.store: store "), e.getMessage());
            assertTrue(e.getMessage().contains("is in use by another twin process (a running twin record?)"),
                    e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAStoreIsReported() throws Exception {
        Path config = new ReplayFixture(dir).writeConfig("replay: {store: notes.txt}\n", "");
        Files.writeString(dir.resolve("spec.yaml"), ReplayFixture.SPEC);
        Files.writeString(dir.resolve("notes.txt"), "not a store");

        ConfigException e = assertThrows(ConfigException.class, () -> load(config));

        assertTrue(e.getMessage().startsWith(config + ":4:17: replay.store: store "), e.getMessage());
        assertTrue(e.getMessage().contains("is not a readable twin store"), e.getMessage());
    }

    @Test
    void aMisspelledKeyIsReportedWithTheClosestKey() throws Exception {
        Path config = new ReplayFixture(dir).write("replay: {store: twin.db, session: [a]}\n", "");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config));

        assertTrue(e.getMessage().contains("replay.session: unknown key (did you mean 'sessions'?)"),
                e.getMessage());
    }

    @Test
    void withoutReplayNoStoreIsOpenedAndNothingIsReplayed() throws Exception {
        Path config = new ReplayFixture(dir).writeConfig("", "");
        Files.writeString(dir.resolve("spec.yaml"), ReplayFixture.SPEC);

        TwinConfig loaded = ConfigLoader.load(config);
        ServedApi api = ServedApiLoader.load(loaded, ResponderFactory.NONE);

        assertSame(ReplayConfig.NONE, loaded.replay());
        assertSame(RecordedAnswers.NONE, api.replay());
    }

    private static ServedApi load(Path config) throws ConfigException {
        return ServedApiLoader.load(ConfigLoader.load(config), ResponderFactory.NONE);
    }
}
