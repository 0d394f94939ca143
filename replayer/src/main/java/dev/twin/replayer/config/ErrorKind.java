package dev.twin.replayer.config;

/** The kinds of error a twin answers with; {@code conventions.errors} maps each to the provider's shape. */
public enum ErrorKind {
    NOT_FOUND, VALIDATION_ERROR, CONFLICT, UNAUTHORIZED, RATE_LIMITED, QUOTA_EXCEEDED, IDEMPOTENCY_MISMATCH
}
