package dev.twin.recorder.har;

/** A HAR file that cannot be read; the message names the file and where in it the problem is. */
public final class HarException extends RuntimeException {
    public HarException(String message) {
        super(message);
    }

    public HarException(String message, Throwable cause) {
        super(message, cause);
    }
}
