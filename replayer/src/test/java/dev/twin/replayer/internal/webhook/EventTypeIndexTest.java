package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.twin.replayer.internal.convention.ListItems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /v1/events?type=} reads a tenant's events of one type through their own sequence, never the whole ring:
 * through adds, the tenant's {@code keep} dropping the oldest, {@code keep} shrinking and growing, the log-wide
 * {@code keepTotal} and tenant resets, every type's view (items, positions of ids) matches a naive filter of the
 * tenant's whole list.
 */
class EventTypeIndexTest {
    private static final List<String> TYPES = List.of("a.created", "a.updated", "b.deleted");
    private static final List<String> TENANTS = List.of("t1", "t2");

    @Test
    void eachTypesViewMatchesANaiveFilterOfTheTenantsEvents() {
        Random random = new Random(18);
        EventLog log = new EventLog();
        log.keep(20, 35);
        for (int step = 0; step < 2_000; step++) {
            String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
            int op = random.nextInt(100);
            if (op < 90) {
                add(log, tenant, "evt_" + step, TYPES.get(random.nextInt(TYPES.size())));
            } else if (op < 96) {
                log.keep(5 + random.nextInt(30), 20 + random.nextInt(40));
            } else {
                log.clearTenant(tenant);
            }
            if (step % 10 == 0) {
                for (String each : TENANTS) {
                    assertTypeViewsMatch(log, each, "step " + step);
                }
            }
        }
    }

    @Test
    void anIdOfAnotherTypeHasNoPlaceInATypesView() {
        EventLog log = new EventLog();
        add(log, "t", "evt_1", "a.created");
        add(log, "t", "evt_2", "b.deleted");

        assertEquals(-1, (int) log.read("t", "a.created", items -> items.indexOf("evt_2")));
        assertEquals(0, (int) log.read("t", "b.deleted", items -> items.indexOf("evt_2")));
    }

    private static void assertTypeViewsMatch(EventLog log, String tenant, String when) {
        List<String[]> all = log.list(tenant).stream()
                .map(event -> new String[] {event.path("id").asText(), event.path("type").asText()}).toList();
        for (String type : TYPES) {
            List<String> expected = new ArrayList<>();
            all.stream().filter(event -> event[1].equals(type)).forEach(event -> expected.add(event[0]));
            List<String> actual = log.read(tenant, type, items -> ids(items));
            assertEquals(expected, actual, tenant + " " + type + " at " + when);
            for (int i = 0; i < expected.size(); i++) {
                String id = expected.get(i);
                assertEquals(i, (int) log.read(tenant, type, items -> items.indexOf(id)), id + " at " + when);
            }
        }
    }

    private static List<String> ids(ListItems items) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ids.add(items.get(i).path("id").asText());
        }
        return ids;
    }

    private static void add(EventLog log, String tenant, String id, String type) {
        log.add(tenant, new LoggedEvent(id, type, () -> {
            var json = JsonNodeFactory.instance.objectNode();
            json.put("id", id);
            json.put("type", type);
            return json;
        }));
    }
}
