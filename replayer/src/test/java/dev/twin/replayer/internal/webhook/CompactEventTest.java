package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.EventRule;
import dev.twin.replayer.internal.state.Row;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event kept as its row: read back as written, told apart from an event's JSON, refused when not its form. */
class CompactEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUpdateIsReadBackWithItsRowTimesAndOldValues() throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree("{\"id\":\"cus_1\",\"name\":\"Zoë \\u0000\",\"tags\":[1,"
                + "{\"a\":null}],\"email\":null}");
        ObjectNode previous = (ObjectNode) JSON.readTree("{\"name\":\"Old\",\"email\":\"o@example.com\"}");
        CompactEvent event = new CompactEvent(1_700_000_000L, "customers", EventRule.Change.UPDATED,
                new Row("cus_1", fields, 1_699_999_999_123L, 1_700_000_000_456L), previous);

        String stored = event.write();
        CompactEvent read = CompactEvent.read(stored);

        assertTrue(CompactEvent.isCompact(stored), stored);
        assertEquals(1_700_000_000L, read.created());
        assertEquals("customers", read.table());
        assertEquals(EventRule.Change.UPDATED, read.change());
        assertEquals("cus_1", read.row().id());
        assertEquals(fields, read.row().data());
        assertEquals(1_699_999_999_123L, read.row().createdAtMillis());
        assertEquals(1_700_000_000_456L, read.row().updatedAtMillis());
        assertEquals(previous, read.previous());
        assertFalse(stored.contains("\u0000"), "a store may separate its own fields with NUL");
    }

    @Test
    void aCreateHasNoOldValues() {
        CompactEvent event = new CompactEvent(5, "notes", EventRule.Change.CREATED,
                new Row("n1", JSON.createObjectNode().put("id", "n1"), 1, 2), null);

        CompactEvent read = CompactEvent.read(event.write());

        assertNull(read.previous());
        assertEquals(EventRule.Change.CREATED, read.change());
    }

    @Test
    void anEventsJsonIsNotCompactAndAnotherFormIsRefusedNamingIt() {
        assertFalse(CompactEvent.isCompact("{\"id\":\"evt_1\"}"));
        assertFalse(CompactEvent.isCompact(""));

        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class,
                () -> CompactEvent.read("[2,5,\"notes\",\"CREATED\",\"n1\",1,2,{}]"));
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> CompactEvent.read("[1,5,"));

        assertTrue(newer.getMessage().contains("not in twin's form 1"), newer.getMessage());
        assertTrue(broken.getMessage().contains("not in twin's form"), broken.getMessage());
    }
}
