package dev.twin.replayer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code replay:} — answer requests no table binding handles from recorded responses before the spec answers.
 *
 * @param store    the recording store or HAR file ({@code .har}; absolute), or null for {@link #NONE}
 * @param sessions the sessions to replay, in the order written; empty = every session of the store
 * @param location where {@code store:} is written (for "cannot read this store" messages)
 */
public record ReplayConfig(Path store, List<Session> sessions, SourceLocation location) {
    /** No {@code replay:} section: nothing is replayed and no store is opened. */
    public static final ReplayConfig NONE = new ReplayConfig(null, List.of(), null);

    public ReplayConfig {
        sessions = List.copyOf(sessions);
    }

    public boolean enabled() {
        return store != null;
    }

    /** One entry of {@code sessions:} and where it is written (for "no such session" messages). */
    public record Session(String name, SourceLocation location) {
        public Session {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
        }
    }
}
