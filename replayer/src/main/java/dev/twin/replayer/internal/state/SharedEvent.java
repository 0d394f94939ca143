package dev.twin.replayer.internal.state;

import java.util.List;
import java.util.Objects;

/**
 * An event a commit stores with its rows (so both land or neither does), and where it is to be delivered, once to
 * each, by whichever replica claims each delivery.
 *
 * @param content  what the store keeps of it, read only by the emitter that made it: the event's JSON as the API
 *                 shows it, or a smaller form the emitter makes that JSON from when the event is read
 * @param webhooks where its deliveries go, as the emitter names them (a configured webhook's URL, a tenant's
 *                 endpoint); empty when the event is read back from the store. An event with deliveries keeps its
 *                 JSON as its content, which they carry
 */
public record SharedEvent(String id, String type, String content, List<String> webhooks) {
    private static final char SEPARATOR = '\u0000';

    public SharedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        if (!webhooks.isEmpty() && !content.startsWith("{")) {
            throw new IllegalArgumentException("event " + id + " goes to webhooks: its content must be its JSON");
        }
    }

    /** The JSON a webhook delivery of it carries (its content: an event with webhooks keeps its JSON). */
    public String payload() {
        return content;
    }

    /** How the store keeps it: {@code id NUL type NUL content}. */
    public String encoded() {
        return id + SEPARATOR + type + SEPARATOR + content;
    }

    /** The event {@link #encoded} kept. */
    public static SharedEvent decode(String encoded) {
        int first = encoded.indexOf(SEPARATOR);
        int second = encoded.indexOf(SEPARATOR, first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not an encoded event: " + encoded);
        }
        return new SharedEvent(encoded.substring(0, first), encoded.substring(first + 1, second),
                encoded.substring(second + 1), List.of());
    }
}
