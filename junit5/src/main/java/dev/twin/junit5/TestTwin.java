package dev.twin.junit5;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What one test class (or one test) talks to: a {@link Twin}, or while recording the recording proxy in front of the
 * real API. Closing it stops the twin, or ends the recording and infers the twin from it.
 */
final class TestTwin implements AutoCloseable {
    /** Enough for the requests of a few hundred tests, so a failing test still finds its own in the journal. */
    private static final int JOURNAL_CAPACITY = 10_000;

    private final TwinExtension.Settings settings;
    private final TwinMode mode;
    private final Twin twin;
    private final RecordingSession recording;
    private final Path twinDir;

    private TestTwin(TwinExtension.Settings settings, TwinMode mode, Twin twin, RecordingSession recording,
                     Path twinDir) {
        this.settings = settings;
        this.mode = mode;
        this.twin = twin;
        this.recording = recording;
        this.twinDir = twinDir;
    }

    /** @param askedMode the mode the build asks for ({@code twin.mode}, {@code TWIN_MODE}), or null */
    static TestTwin start(TwinExtension.Settings settings, Class<?> testClass, TwinMode askedMode)
            throws IOException, ConfigException {
        if (settings.upstream() == null) {
            return new TestTwin(settings, TwinMode.REPLAY, serve(settings, settings.config()), null, null);
        }
        Path twinDir = settings.twinDirFor(testClass);
        TwinMode mode = settings.mode() != null ? settings.mode() : askedMode != null ? askedMode
                : Files.isRegularFile(twinDir.resolve(ConfigLoader.FILE_NAME)) ? TwinMode.REPLAY : TwinMode.RECORD;
        if (mode == TwinMode.RECORD) {
            return new TestTwin(settings, mode, null, RecordingSession.start(settings.upstream()), twinDir);
        }
        if (!Files.isRegularFile(twinDir.resolve(ConfigLoader.FILE_NAME))) {
            throw new IllegalStateException(mode.name().toLowerCase(java.util.Locale.ROOT) + ": no twin in "
                    + twinDir.toAbsolutePath() + " yet; record it first (TWIN_MODE=record)");
        }
        Twin twin = serve(settings, twinDir);
        if (mode == TwinMode.VERIFY) {
            try {
                Verification.check(twinDir, twin, settings.minScore());
                twin.reset();
            } catch (RuntimeException | AssertionError e) {
                twin.close();
                throw e;
            }
        }
        return new TestTwin(settings, mode, twin, null, twinDir);
    }

    private static Twin serve(TwinExtension.Settings settings, Path config) throws ConfigException {
        Twin.Builder builder = Twin.builder().config(config).journalCapacity(JOURNAL_CAPACITY);
        settings.options().accept(builder);
        return builder.start();
    }

    String baseUrl() {
        return twin != null ? twin.baseUrl() : recording.baseUrl();
    }

    /** @throws IllegalStateException while recording */
    Twin twin() {
        if (twin == null) {
            throw new IllegalStateException("no twin is served while recording: the requests go to "
                    + settings.upstream());
        }
        return twin;
    }

    /** A new test begins: its API key, its tenant reset when asked. */
    TwinRuntime runtimeFor(String testId) {
        Instant started = Instant.now();
        if (mode == TwinMode.RECORD) {
            String key = settings.upstreamKey() != null ? settings.upstreamKey() : apiKeyOf(testId);
            return new TwinRuntime(recording.baseUrl(), key, null, mode, started);
        }
        String key = apiKeyOf(testId);
        if (settings.resetBeforeEach()) {
            if (settings.tenantPerTest()) {
                twin.reset(key);
            } else {
                twin.reset();
            }
        }
        return new TwinRuntime(twin.baseUrl(), key, twin, mode, started);
    }

    /** The test's own key: the prefix and 16 hex digits of its unique id, the same on every run. */
    private String apiKeyOf(String testId) {
        if (!settings.tenantPerTest()) {
            return settings.apiKeyPrefix() + "twin";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(testId.getBytes(StandardCharsets.UTF_8));
            return settings.apiKeyPrefix() + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Stops the twin; after a recording, writes the recording and the inferred twin into the twin directory. */
    @Override
    public void close() throws IOException {
        if (twin != null) {
            twin.close();
        } else {
            recording.finish(twinDir);
        }
    }
}
