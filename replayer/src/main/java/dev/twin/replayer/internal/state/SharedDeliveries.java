package dev.twin.replayer.internal.state;

import java.util.List;

/**
 * Webhook deliveries queued by commits ({@link SharedEvent#webhooks()}), each claimed by one replica at a time: a
 * claim is a lease, so a delivery whose replica stopped before finishing it is claimed again by another once the
 * lease ends.
 */
public interface SharedDeliveries {
    /** A delivery a replica claimed: it makes the attempt, then {@link #finish}es or {@link #retry}s it. */
    record Claimed(String id, String eventId, String type, String url, String payload, int attempt) {
    }

    /** Claims up to {@code max} deliveries due at {@code nowMillis}, each for {@code leaseMillis}. */
    List<Claimed> claim(long nowMillis, long leaseMillis, int max);

    /** The delivery is done (delivered, or out of attempts): nobody claims it again. */
    void finish(String id);

    /** The attempt failed: the delivery is due again at {@code dueAtMillis}, as attempt {@code nextAttempt}. */
    void retry(String id, long dueAtMillis, int nextAttempt);

    /** Releases a claim so that any replica may claim it at once (a replica closing down). */
    void release(String id, long nowMillis);

    /** Adds an attempt to the delivery log every replica shows (newest first, bounded). */
    void log(String entryJson);

    /** The delivery log, newest first. */
    List<String> log();
}
