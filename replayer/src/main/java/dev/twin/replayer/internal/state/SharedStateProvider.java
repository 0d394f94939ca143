package dev.twin.replayer.internal.state;

import java.net.URI;
import java.time.Duration;

/**
 * Opens a {@link SharedState} for a URL scheme ({@code redis}, {@code rediss}). Found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.twin.replayer.internal.state.SharedStateProvider}), so that
 * the replayer does not depend on the module that talks to the store (twin-state-redis).
 */
public interface SharedStateProvider {
    /** How a twin uses the store. */
    record Options(Duration expireAfter, int eventsKept) {
    }

    /** Whether this provider opens URLs of {@code scheme} (lower case). */
    boolean opens(String scheme);

    /**
     * Connects and checks the store's key layout.
     *
     * @throws IllegalArgumentException      a URL it cannot use, or a store holding a layout this twin cannot read,
     *                                       named in a message for the user
     * @throws java.io.UncheckedIOException the store cannot be reached
     */
    SharedState open(URI url, Options options);
}
