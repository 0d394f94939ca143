package dev.twin.replayer.config;

import java.util.Objects;

/** One mistake in a configuration, written for the user who made it. */
public record ConfigProblem(SourceLocation location, String message) {
    public ConfigProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code twin.yaml:12:5: server.port: expected an integer, got 'abc'}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
