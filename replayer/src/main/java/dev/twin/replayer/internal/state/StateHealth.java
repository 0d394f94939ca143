package dev.twin.replayer.internal.state;

/**
 * Whether the state store answers, for {@code /__twin/health}.
 *
 * @param store         where the state is kept, without secrets ({@code redis://host:6379/0 prefix twin})
 * @param up            whether it answered
 * @param latencyMillis how long a ping took (when up)
 * @param error         why it did not answer (when down)
 */
public record StateHealth(String kind, String store, boolean up, double latencyMillis, String error) {
}
