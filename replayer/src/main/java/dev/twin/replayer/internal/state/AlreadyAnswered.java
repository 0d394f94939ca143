package dev.twin.replayer.internal.state;

/**
 * A transaction's commit was refused, nothing of it applied, because the idempotency key its answer was to be
 * remembered under holds an answer already: a request with the same key, racing this one on another replica,
 * committed first. The caller replays that answer.
 */
public final class AlreadyAnswered extends RuntimeException {
    public AlreadyAnswered(String key) {
        super("idempotency key " + key + " was answered by a racing request", null, false, false);
    }
}
