package dev.twin.replayer.internal.callback;

import java.time.Instant;
import java.util.Map;

/**
 * One attempt to send one callback.
 *
 * @param callback the rule's name ({@code callbacks.send[].name})
 * @param status   the receiver's HTTP status, or 0 when it was not reached (or the URL was refused)
 * @param error    why the attempt failed, or a note (an unsigned callback); null when it went through as configured
 */
public record CallbackDelivery(Instant at, String callback, String table, String id, String method, String url,
                               Map<String, String> params, boolean signed, int attempt, int status, String error) {
}
