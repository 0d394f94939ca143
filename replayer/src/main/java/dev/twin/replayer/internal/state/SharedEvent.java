package dev.twin.replayer.internal.state;

import java.util.List;
import java.util.Objects;

/**
 * An event a commit stores with its rows (so both land or neither does), and the webhook URLs it is to be delivered
 * to, once, by whichever replica claims each delivery.
 *
 * @param json     the event as the API shows it
 * @param webhooks the configured webhook URLs that want its type (empty when the event is read back from the store)
 */
public record SharedEvent(String id, String type, String json, List<String> webhooks) {
    private static final char SEPARATOR = '\u0000';

    public SharedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    /** How the store keeps it: {@code id NUL type NUL json}. */
    public String encoded() {
        return id + SEPARATOR + type + SEPARATOR + json;
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
