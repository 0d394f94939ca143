package dev.twin.recorder.store;

/** The recording store cannot be used: missing, unreadable or corrupt file. The message is written for the user. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
