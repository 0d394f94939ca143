package dev.twin.replayer.internal.callback;

import com.twilio.security.RequestValidator;
import dev.twin.replayer.Twin;
import dev.twin.replayer.testing.CallbackReceiver;
import dev.twin.replayer.testing.ShopTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code callbacks:} over HTTP on a small shop API: the form a rule builds from the row, sent to the URL the row
 * names and signed with the password the tenant authenticates with; a refused host, a receiver that fails, a tenant
 * without a password. The application side is a real HTTP server on 127.0.0.1.
 */
class CallbacksTest {
    private static String rules(String extra) {
        return """
                callbacks:
                  send:
                    - name: order-status
                      table: orders
                      when: "before == null || row.status != before.status"
                      url: row.callback_url
                      signature: twilio
                      params: {OrderId: row.id, Status: row.status, Priority: row.priority}
                """ + extra;
    }

    @Test
    void aCallbackCarriesTheRowsFieldsSignedWithTheTenantsPassword(@TempDir Path dir) throws Exception {
        try (CallbackReceiver app = new CallbackReceiver(); ShopTwin shop = ShopTwin.start(dir, rules(""))) {
            String url = app.url("/hooks/orders?shop=1");
            String id = shop.post("/orders", "{\"status\": \"placed\", \"callback_url\": \"" + url + "\"}")
                    .get("id").asText();

            CallbackReceiver.Received callback = app.next();

            assertEquals("POST", callback.method());
            assertEquals(url, callback.url());
            assertEquals(Map.of("OrderId", id, "Status", "placed"), callback.params(), "a null field is left out");
            assertTrue(new RequestValidator("s3cret").validate(url, callback.params(), callback.signature()));
            assertFalse(new RequestValidator("shopkeeper").validate(url, callback.params(), callback.signature()));
        }
    }

    @Test
    void aHostThatIsNotLoopbackIsRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
        try (ShopTwin shop = ShopTwin.start(dir, rules("  allowHosts: [\"*.partner.test\"]\n"))) {
            shop.post("/orders", "{\"status\": \"placed\", \"callback_url\": \"http://10.0.0.8/hook\"}");

            CallbackDelivery refused = shop.twin().internals().sandbox().callbacks().deliveries().get(0);

            assertEquals(0, refused.status());
            assertEquals("refused, nothing sent: host 10.0.0.8 is not loopback and not in callbacks.allowHosts of "
                    + "twin.yaml", refused.error());
        }
    }

    @Test
    void aReceiverThatFailsIsTriedAgainUpToMaxAttempts(@TempDir Path dir) throws Exception {
        LinkedBlockingQueue<Integer> answered = new LinkedBlockingQueue<>();
        AtomicInteger calls = new AtomicInteger();
        com.sun.net.httpserver.HttpServer flaky = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        flaky.createContext("/", exchange -> {
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            answered.add(status);
        });
        flaky.start();
        String yaml = rules("").replace("signature: twilio", "signature: twilio\n      maxAttempts: 3");
        try (ShopTwin shop = ShopTwin.start(dir, yaml, Twin.builder().manualClock(ShopTwin.START)
                .webhookRetryDelay(Duration.ofMillis(20)))) {
            shop.post("/orders", "{\"status\": \"placed\", \"callback_url\": \"http://127.0.0.1:"
                    + flaky.getAddress().getPort() + "/hook\"}");

            assertEquals(503, answered.poll(10, TimeUnit.SECONDS));
            assertEquals(204, answered.poll(10, TimeUnit.SECONDS));
            List<CallbackDelivery> log = waitForLog(shop, 2);
            assertEquals(List.of(2, 1), log.stream().map(CallbackDelivery::attempt).toList());
            assertEquals("answered 503", log.get(1).error());
            assertNull(log.get(0).error());
        } finally {
            flaky.stop(0);
        }
    }

    @Test
    void aTenantWithoutAPasswordGetsItsCallbacksUnsignedAndTheLogSaysSo(@TempDir Path dir) throws Exception {
        try (CallbackReceiver app = new CallbackReceiver(); ShopTwin shop = ShopTwin.start(dir, rules(""))) {
            shop.postAnonymously("/orders", "{\"status\": \"placed\", \"callback_url\": \""
                    + app.url("/anonymous") + "\"}");

            CallbackReceiver.Received callback = app.next();

            assertNull(callback.signature());
            CallbackDelivery logged = waitForLog(shop, 1).get(0);
            assertFalse(logged.signed());
            assertTrue(logged.error().startsWith("sent unsigned: no signing key"), logged.error());
        }
    }

    @Test
    void theDeliveryLogIsReadAndClearedOverTheAdminApi(@TempDir Path dir) throws Exception {
        try (CallbackReceiver app = new CallbackReceiver(); ShopTwin shop = ShopTwin.start(dir, rules(""))) {
            shop.post("/orders", "{\"status\": \"placed\", \"callback_url\": \"" + app.url("/log") + "\"}");
            app.next();
            waitForLog(shop, 1);

            String log = shop.admin("GET", "/__twin/callbacks", null).body();
            String cleared = shop.admin("DELETE", "/__twin/callbacks", null).body();

            assertTrue(log.contains("\"callback\":\"order-status\"") && log.contains("\"status\":200")
                    && log.contains("\"signed\":true") && log.contains("\"Status\":\"placed\""), log);
            assertEquals("{\"removed\":1}", cleared);
            assertEquals("{\"deliveries\":[]}", shop.admin("GET", "/__twin/callbacks", null).body());
        }
    }

    /**
     * The log records an attempt once the receiver's answer is in, a moment after the receiver saw the request: wait
     * for it (failing after 10 s), not for a guessed time.
     */
    private static List<CallbackDelivery> waitForLog(ShopTwin shop, int entries) {
        CallbackDispatcher dispatcher = shop.twin().internals().sandbox().callbacks();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dispatcher.deliveries().size() < entries) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the callback log has " + dispatcher.deliveries() + ", not " + entries
                        + " attempts, after 10 s");
            }
            Thread.onSpinWait();
        }
        return dispatcher.deliveries();
    }
}
