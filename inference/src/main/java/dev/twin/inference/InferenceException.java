package dev.twin.inference;

/** A problem with the input the user can fix (empty store, unknown session, unreadable HAR, no JSON traffic). */
public final class InferenceException extends RuntimeException {
    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
