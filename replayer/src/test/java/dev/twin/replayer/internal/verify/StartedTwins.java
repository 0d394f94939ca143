package dev.twin.replayer.internal.verify;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One twin.yaml (over {@code api.yaml}) that a verify test starts as often as it needs: once to play the real API
 * it records, once more as the twin it verifies. Closing stops every twin started.
 */
final class StartedTwins implements AutoCloseable {
    private final TwinConfig config;
    private final List<Twin> started = new ArrayList<>();

    private StartedTwins(TwinConfig config) {
        this.config = config;
    }

    /** Writes {@code api.yaml} and {@code twin.yaml} into {@code dir} and loads them. */
    static StartedTwins of(Path dir, String spec, String twinYaml) throws IOException, ConfigException {
        Files.writeString(dir.resolve("api.yaml"), spec);
        Files.writeString(dir.resolve("twin.yaml"), twinYaml);
        return new StartedTwins(ConfigLoader.load(dir.resolve("twin.yaml")));
    }

    /** Starts another twin of the configuration; its base URL. */
    synchronized String start() throws ConfigException {
        Twin twin = Twin.builder().config(config).start();
        started.add(twin);
        return twin.baseUrl();
    }

    @Override
    public synchronized void close() {
        started.forEach(Twin::close);
        started.clear();
    }
}
