package dev.twin.replayer.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A position in a configuration file, 1-based. Line 0 means "the file as a whole" (e.g. it does not exist).
 *
 * @param file the file as the user named it (relative paths stay relative so messages read like the command line)
 */
public record SourceLocation(Path file, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** The whole file, without a position. */
    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    /** {@code twin.yaml:12:5}, or just the file name when there is no position. */
    @Override
    public String toString() {
        return line <= 0 ? file.toString() : file + ":" + line + ":" + column;
    }
}
