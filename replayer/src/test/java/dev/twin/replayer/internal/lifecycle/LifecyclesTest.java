package dev.twin.replayer.internal.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.Twin;
import dev.twin.replayer.testing.CallbackReceiver;
import dev.twin.replayer.testing.ShopTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lifecycles:} on a small shop API over HTTP: rows move from state to state only as the twin's manual clock
 * is advanced, each change stamped with the instant it was due; {@code when} decides on the row as it is then;
 * {@code enter} sets fields and changes other tables in the transaction that puts a row in a state.
 */
class LifecyclesTest {
    private static final String ORDERS = """
            lifecycles:
              - table: orders
                transitions:
                  - {from: placed, to: packed, after: 1m}
                  - {from: packed, to: shipped, after: 10m, when: "row.priority == 'express'"}
                  - {from: packed, to: shipped, after: 1h}
                  - {from: shipped, to: delivered, after: 1d}
                enter:
                  shipped:
                    set: {shipped_at: time.iso8601}
                    update:
                      - {table: parcels, where: {order_id: row.id}, set: {state: "'in transit with ' + row.id"}}
                  cancelled:
                    update:
                      - {table: parcels, where: {order_id: row.id}, delete: true}
            tables:
              - name: orders
                response:
                  create: {derive: {status: "'placed'"}}
            """;

    @Test
    void aRowMovesOnlyWhenTheClockIsAdvancedAndEachChangeIsStampedWhenItWasDue(@TempDir Path dir) throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, ORDERS)) {
            String id = shop.post("/orders", "{\"priority\": \"standard\"}").get("id").asText();

            JsonNode placed = shop.get("/orders/" + id);
            int applied = shop.twin().advanceClock(Duration.ofMinutes(61));
            JsonNode shipped = shop.get("/orders/" + id);
            shop.twin().advanceClock(Duration.ofDays(1));
            JsonNode delivered = shop.get("/orders/" + id);

            assertEquals("placed", placed.get("status").asText());
            assertEquals(2, applied);
            assertEquals("shipped", shipped.get("status").asText());
            assertEquals("2024-05-01T13:01:00Z", shipped.get("shipped_at").asText());
            assertEquals("2024-05-01T13:01:00Z", shipped.get("updated_at").asText());
            assertEquals("delivered", delivered.get("status").asText());
            assertEquals("2024-05-02T13:01:00Z", delivered.get("updated_at").asText());
        }
    }

    @Test
    void theTransitionTakenIsTheFirstWhoseWhenHoldsWhenItIsDue(@TempDir Path dir) throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, ORDERS)) {
            String id = shop.post("/orders", "{\"priority\": \"standard\"}").get("id").asText();
            shop.twin().advanceClock(Duration.ofMinutes(1));

            shop.patch("/orders/" + id, "{\"priority\": \"express\"}");
            shop.twin().advanceClock(Duration.ofMinutes(10));

            JsonNode express = shop.get("/orders/" + id);
            assertEquals("shipped", express.get("status").asText());
            assertEquals("2024-05-01T12:11:00Z", express.get("shipped_at").asText());
        }
    }

    @Test
    void aRowMovedOnByARequestLeavesItsOldScheduleBehind(@TempDir Path dir) throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, ORDERS)) {
            String id = shop.post("/orders", "{}").get("id").asText();

            shop.patch("/orders/" + id, "{\"status\": \"cancelled\"}");
            shop.twin().advanceClock(Duration.ofDays(3));

            assertEquals("cancelled", shop.get("/orders/" + id).get("status").asText());
            assertEquals(0, shop.twin().internals().sandbox().lifecycles().pending());
        }
    }

    @Test
    void enteringAStateSetsFieldsAndUpdatesTheRowsOfAnotherTableInTheSameTransaction(@TempDir Path dir)
            throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, ORDERS)) {
            String id = shop.post("/orders", "{}").get("id").asText();
            String mine = shop.post("/parcels", "{\"order_id\": \"" + id + "\", \"state\": \"ready\"}").get("id")
                    .asText();
            String other = shop.post("/parcels", "{\"order_id\": \"ord_other\", \"state\": \"ready\"}").get("id")
                    .asText();

            shop.patch("/orders/" + id, "{\"status\": \"shipped\"}");

            assertEquals("2024-05-01T12:00:00Z", shop.get("/orders/" + id).get("shipped_at").asText());
            assertEquals("in transit with " + id, shop.get("/parcels/" + mine).get("state").asText());
            assertEquals("ready", shop.get("/parcels/" + other).get("state").asText());
        }
    }

    @Test
    void enteringAStateCanDeleteTheRowsOfAnotherTable(@TempDir Path dir) throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, ORDERS)) {
            String id = shop.post("/orders", "{}").get("id").asText();
            shop.post("/parcels", "{\"order_id\": \"" + id + "\"}");
            shop.post("/parcels", "{\"order_id\": \"ord_other\"}");

            shop.patch("/orders/" + id, "{\"status\": \"cancelled\"}");

            JsonNode left = shop.get("/parcels");
            assertEquals(1, left.size(), left.toString());
            assertEquals("ord_other", left.get(0).get("order_id").asText());
        }
    }

    @Test
    void theClockEndpointShowsAndAdvancesTimeAndRefusesWhatItCannotDo(@TempDir Path dir) throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, ORDERS)) {
            shop.post("/orders", "{}");

            HttpResponse<String> before = shop.admin("GET", "/__twin/clock", null);
            HttpResponse<String> advanced = shop.admin("POST", "/__twin/clock", "{\"advance\": \"90s\"}");
            HttpResponse<String> to = shop.admin("POST", "/__twin/clock", "{\"to\": \"2024-05-01T14:00:00Z\"}");
            HttpResponse<String> backwards = shop.admin("POST", "/__twin/clock", "{\"to\": \"2024-01-01T00:00:00Z\"}");
            HttpResponse<String> nonsense = shop.admin("POST", "/__twin/clock", "{\"advance\": \"soon\"}");
            HttpResponse<String> empty = shop.admin("POST", "/__twin/clock", "{}");

            assertEquals("{\"now\":\"2024-05-01T12:00:00Z\",\"mode\":\"manual\",\"pending\":1}", before.body());
            assertEquals("{\"now\":\"2024-05-01T12:01:30Z\",\"mode\":\"manual\",\"applied\":1,\"pending\":1}",
                    advanced.body());
            assertEquals("{\"now\":\"2024-05-01T14:00:00Z\",\"mode\":\"manual\",\"applied\":1,\"pending\":1}",
                    to.body());
            assertEquals(400, backwards.statusCode());
            assertTrue(backwards.body().contains("not before the twin's time"), backwards.body());
            assertEquals(400, nonsense.statusCode());
            assertTrue(nonsense.body().contains("\\\"advance\\\" must be a duration"), nonsense.body());
            assertEquals(400, empty.statusCode());
        }
    }

    @Test
    void aResetForgetsWhatRowsWaitedFor(@TempDir Path dir) throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, ORDERS)) {
            shop.post("/orders", "{}");

            shop.twin().reset();

            assertEquals(0, shop.twin().internals().sandbox().lifecycles().pending());
            assertEquals(0, shop.twin().advanceClock(Duration.ofDays(2)));
        }
    }

    @Test
    void withTheSystemClockATransitionHappensByItselfWhenItIsDue(@TempDir Path dir) throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String quick = ORDERS.replace("after: 1m}", "after: 50ms}") + """
                    callbacks:
                      send:
                        - {table: orders, when: "before != null && row.status != before.status", url: "'%s'",
                           params: {id: row.id, status: row.status}}
                    """.formatted(receiver.url("/orders"));
            try (ShopTwin shop = ShopTwin.start(dir, quick, Twin.builder())) {
                String id = shop.post("/orders", "{}").get("id").asText();

                CallbackReceiver.Received packed = receiver.next(); // the timer thread moved it, 50 ms after

                assertEquals(id, packed.param("id"));
                assertEquals("packed", packed.param("status"));
                assertEquals("packed", shop.get("/orders/" + id).get("status").asText());
                assertEquals(1, shop.twin().internals().sandbox().lifecycles().pending());
            }
        }
    }
}
