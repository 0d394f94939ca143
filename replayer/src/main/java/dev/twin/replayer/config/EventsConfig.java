package dev.twin.replayer.config;

import java.util.List;

/**
 * {@code events:}: which table changes emit events, and which operations list and fetch them.
 *
 * @param listOperation a namespaced operation answered with the tenant's events, newest first (or null)
 * @param getOperation  a namespaced operation answered with one event by its id path parameter (or null)
 * @param idPrefix      event ids are this prefix and 24 random base62 characters
 * @param keep          how many events each tenant keeps (oldest dropped first)
 * @param keepTotal     how many events all tenants keep together (the oldest of all dropped first), so memory stays
 *                      bounded however many tenants (API keys) a shared twin sees
 * @param apiVersion    the {@code api_version} field of each event (Stripe SDKs read it), or null
 */
public record EventsConfig(String listOperation, String getOperation, String idPrefix, int keep, int keepTotal,
                           String apiVersion, List<EventRule> emit) {
    public static final int DEFAULT_KEEP = 1000;
    public static final int DEFAULT_KEEP_TOTAL = 20_000;
    public static final EventsConfig NONE = new EventsConfig(null, null, "evt_", DEFAULT_KEEP, DEFAULT_KEEP_TOTAL,
            null, List.of());

    public EventsConfig {
        emit = List.copyOf(emit);
    }
}
