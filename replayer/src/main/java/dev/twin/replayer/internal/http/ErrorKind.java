package dev.twin.replayer.internal.http;

import java.util.EnumMap;
import java.util.Map;

/**
 * The provider-neutral reasons a twin answers with an error. The {@code errors} convention in twin.yaml maps each
 * to the provider's status, type and code (for example NOT_FOUND to Stripe's 404 {@code resource_missing}).
 */
public enum ErrorKind {
    NOT_FOUND(404),
    VALIDATION_ERROR(400),
    CONFLICT(409),
    UNAUTHORIZED(401),
    RATE_LIMITED(429),
    QUOTA_EXCEEDED(400),
    IDEMPOTENCY_MISMATCH(400),
    /** The state store (a shared Redis) cannot be reached: nothing of the request was applied; try again. */
    UNAVAILABLE(503);

    private final int defaultStatus;

    ErrorKind(int defaultStatus) {
        this.defaultStatus = defaultStatus;
    }

    /** The HTTP status used when twin.yaml's {@code errors.status} does not name this kind. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** Every kind with its default status. */
    public static Map<ErrorKind, Integer> defaultStatuses() {
        Map<ErrorKind, Integer> statuses = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : values()) {
            statuses.put(kind, kind.defaultStatus);
        }
        return statuses;
    }
}
