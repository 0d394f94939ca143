package dev.twin.replayer.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One imported API description; its operations are known as {@code <as>.<operationId>}.
 *
 * @param path     absolute, normalised
 * @param location where {@code path:} is written (for "cannot parse this spec" messages)
 */
public record Import(Path path, String as, SourceLocation location) {
    public Import {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(as, "as");
        Objects.requireNonNull(location, "location");
    }
}
