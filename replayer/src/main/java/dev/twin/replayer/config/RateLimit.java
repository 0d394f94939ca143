package dev.twin.replayer.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code rateLimits:}: a token bucket per tenant shared by the operations its globs match (an
 * operation group).
 *
 * @param capacity        tokens in a full bucket (the burst); each request takes one
 * @param refillPerSecond tokens added per second, up to the capacity
 * @param limitHeader     response header carrying the capacity, or null for none
 * @param remainingHeader response header carrying the tokens left, or null
 * @param resetHeader     response header carrying the unix second when the bucket is full again, or null
 * @param message         the 429's message
 */
public record RateLimit(String name, List<String> operations, int capacity, double refillPerSecond,
                        String limitHeader, String remainingHeader, String resetHeader, String message,
                        SourceLocation location, String pointer) {
    public static final String DEFAULT_MESSAGE = "Too many requests hit the API too quickly. We recommend an "
            + "exponential backoff of your requests.";

    public RateLimit {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        Objects.requireNonNull(message, "message");
    }
}
