package dev.twin.recorder.store;

/** Another twin process (or another open in this JVM) holds the store file. */
public final class StoreInUseException extends StoreException {
    public StoreInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
