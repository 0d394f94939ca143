package dev.twin.replayer;

import java.util.Objects;

/**
 * An event a {@link Twin}'s writes emitted ({@code events:} in twin.yaml), as {@code GET /v1/events} and webhook
 * deliveries show it.
 *
 * @param tenant the tenant whose write emitted it
 * @param id     the event's id, e.g. {@code evt_...}
 * @param type   e.g. {@code customer.created}
 * @param json   the whole event as JSON
 */
public record TwinEvent(String tenant, String id, String type, String json) {
    public TwinEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
