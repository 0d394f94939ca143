package dev.twin.replayer.spec;

import java.nio.file.Path;

/**
 * A spec that cannot be served: which file, where in it when known (line 0 means the file as a whole), and why.
 * The message reads {@code file:line:column: reason}.
 */
public final class SpecException extends Exception {
    private final transient Path file;
    private final int line;
    private final int column;
    private final String reason;

    public SpecException(Path file, int line, int column, String reason) {
        super(line > 0 ? file + ":" + line + ":" + column + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public SpecException(Path file, String reason) {
        this(file, 0, 0, reason);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
