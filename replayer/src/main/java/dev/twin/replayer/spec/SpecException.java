package dev.twin.replayer.spec;

/** A spec that cannot be served, with a message naming the file and, when known, the line and column. */
public final class SpecException extends Exception {
    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
