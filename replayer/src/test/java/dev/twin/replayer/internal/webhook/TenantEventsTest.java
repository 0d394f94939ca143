package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantEventsTest {

    @Test
    void beyondKeepTheOldestEventGoesAndCanNoLongerBeFound() {
        TenantEvents events = new TenantEvents(3);
        for (int i = 1; i <= 5; i++) {
            events.add(event("evt_" + i), 3);
        }

        assertEquals(List.of("evt_5", "evt_4", "evt_3"), ids(events));
        assertEquals(-1, events.indexOf("evt_2"));
        assertEquals(2, events.indexOf("evt_3"));
    }

    @Test
    void aSmallerKeepDropsTheOldestAndALargerOneKeepsEverything() {
        TenantEvents events = new TenantEvents(4);
        for (int i = 1; i <= 4; i++) {
            events.add(event("evt_" + i), 4);
        }

        events.add(event("evt_5"), 2);
        assertEquals(List.of("evt_5", "evt_4"), ids(events));
        assertEquals(-1, events.indexOf("evt_3"));

        events.add(event("evt_6"), 10);
        assertEquals(List.of("evt_6", "evt_5", "evt_4"), ids(events));
        assertEquals(0, events.indexOf("evt_6"));
    }

    private static LoggedEvent event(String id) {
        return new LoggedEvent(id, "thing.created", () -> JsonNodeFactory.instance.objectNode().put("id", id));
    }

    private static List<String> ids(TenantEvents events) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ids.add(events.newest(i).id());
        }
        return ids;
    }
}
