package dev.twin.corpus;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;

import java.net.URI;
import java.nio.file.Path;

/**
 * A {@code twin infer} directory served exactly as {@code twin serve DIR --port 0} serves it ({@link Twin}). Any
 * twin directory serves this way, so a hand-written twin (examples/stripe) can also be a corpus API's upstream.
 */
final class ServedTwin implements Upstream {
    private final Twin twin;

    private ServedTwin(Twin twin) {
        this.twin = twin;
    }

    static ServedTwin start(Path twinDir) throws ConfigException {
        return new ServedTwin(Twin.serve(twinDir));
    }

    @Override
    public URI baseUrl() {
        return URI.create(twin.baseUrl());
    }

    @Override
    public void close() {
        twin.close();
    }
}
