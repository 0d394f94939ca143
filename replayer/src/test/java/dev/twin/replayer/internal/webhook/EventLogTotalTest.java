package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code events.keepTotal}: the log of all tenants together stays bounded, the oldest events of all going first. */
class EventLogTotalTest {

    @Test
    void givenMoreEventsThanAllTenantsKeep_whenAdded_thenTheOldestOfAllGoFirst() {
        EventLog log = new EventLog();
        log.keep(10, 4);

        add(log, "a", "evt_1");
        add(log, "b", "evt_2");
        add(log, "a", "evt_3");
        add(log, "c", "evt_4");
        add(log, "b", "evt_5");
        add(log, "c", "evt_6");

        assertEquals(4, log.size());
        assertEquals(List.of("evt_3"), ids(log, "a"), "a's oldest went first, being the oldest of all");
        assertEquals(List.of("evt_5"), ids(log, "b"));
        assertEquals(List.of("evt_6", "evt_4"), ids(log, "c"));
    }

    @Test
    void givenOneTenantChurningThroughItsOwnKeep_whenManyAreAdded_thenTheOrderQueueStaysBounded() {
        EventLog log = new EventLog();
        log.keep(3, 5);

        for (int i = 0; i < 10_000; i++) {
            add(log, "busy", "evt_" + i);
        }
        add(log, "quiet", "evt_quiet");

        assertEquals(List.of("evt_9999", "evt_9998", "evt_9997"), ids(log, "busy"));
        assertEquals(List.of("evt_quiet"), ids(log, "quiet"), "stale places never cost another tenant an event");
        assertEquals(4, log.size());
        assertTrue(log.queueLength() <= log.size() + 5, "queue: " + log.queueLength());
    }

    @Test
    void givenATenantReset_whenMoreAreAdded_thenItsStalePlacesDropNothingOfOthers() {
        EventLog log = new EventLog();
        log.keep(10, 3);
        add(log, "a", "evt_1");
        add(log, "b", "evt_2");
        log.clearTenant("a");

        add(log, "b", "evt_3");
        add(log, "b", "evt_4");

        assertEquals(List.of("evt_4", "evt_3", "evt_2"), ids(log, "b"));
        assertEquals(3, log.size());
    }

    private static void add(EventLog log, String tenant, String id) {
        log.add(tenant, new LoggedEvent(id, "thing.created", () -> {
            var json = JsonNodeFactory.instance.objectNode();
            json.put("id", id);
            return json;
        }));
    }

    private static List<String> ids(EventLog log, String tenant) {
        return log.list(tenant).stream().map(event -> event.path("id").asText()).toList();
    }
}
