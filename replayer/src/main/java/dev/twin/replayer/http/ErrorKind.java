package dev.twin.replayer.http;

/**
 * The provider-neutral reasons a twin answers with an error. The {@code errors} convention in twin.yaml maps each
 * to the provider's status, type and code (for example NOT_FOUND to Stripe's 404 {@code resource_missing}).
 */
public enum ErrorKind {
    NOT_FOUND,
    VALIDATION_ERROR,
    CONFLICT,
    UNAUTHORIZED,
    RATE_LIMITED,
    QUOTA_EXCEEDED,
    IDEMPOTENCY_MISMATCH
}
