package dev.twin.replayer.internal.webhook;

import java.time.Instant;

/**
 * One delivery attempt of one event to one webhook URL.
 *
 * @param status the receiver's HTTP status, or 0 when it could not be reached
 * @param error  why the attempt failed (connection refused, a non-2xx status), or null when it succeeded
 */
public record Delivery(Instant at, String eventId, String type, String url, int attempt, int status, String error) {
}
