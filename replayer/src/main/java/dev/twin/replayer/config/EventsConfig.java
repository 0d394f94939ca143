package dev.twin.replayer.config;

import java.util.List;

/**
 * {@code events:}: which table changes emit events, and which operations list and fetch them.
 *
 * @param listOperation a namespaced operation answered with the tenant's events, newest first (or null)
 * @param getOperation  a namespaced operation answered with one event by its id path parameter (or null)
 * @param idPrefix      event ids are this prefix and 24 random base62 characters
 * @param keep          how many events each tenant keeps (oldest dropped first)
 * @param apiVersion    the {@code api_version} field of each event (Stripe SDKs read it), or null
 */
public record EventsConfig(String listOperation, String getOperation, String idPrefix, int keep,
                           String apiVersion, List<EventRule> emit) {
    public static final EventsConfig NONE = new EventsConfig(null, null, "evt_", 1000, null, List.of());

    public EventsConfig {
        emit = List.copyOf(emit);
    }
}
