package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook endpoints a tenant creates over the API (stripe-java's {@code WebhookEndpoint.create}) on replicas sharing
 * one Redis: an endpoint created on one replica gets the events of a write on another, once, signed with its secret,
 * as with one twin in memory (the deliveries are queued with the write's commit and claimed by either replica).
 */
class WebhookEndpointsAcrossReplicasTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static Replicas replicas;
    private static HttpServer receiver;
    private static String url;
    /** Each delivery: {path, payload, Stripe-Signature}. */
    private static final BlockingQueue<String[]> RECEIVED = new LinkedBlockingQueue<>();
    private static final AtomicInteger FLAKY_ARRIVALS = new AtomicInteger();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // the first arrival at /flaky is refused: its retry may come from either replica
            boolean refuse = exchange.getRequestURI().getPath().equals("/flaky")
                    && FLAKY_ARRIVALS.getAndIncrement() == 0;
            exchange.sendResponseHeaders(refuse ? 503 : 200, -1);
            exchange.close();
            RECEIVED.add(new String[] {exchange.getRequestURI().getPath(), payload,
                exchange.getRequestHeaders().getFirst("Stripe-Signature")});
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort();
        replicas = Replicas.start(dir.resolve("twin"), REDIS.server().url("?prefix=endpoints"), 2, "");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /**
     * One test, as the receiver's arrivals are counted across what it does: an endpoint created on the first replica
     * gets a customer created on the second, once, signed with its secret; a refused first attempt is retried; a
     * disabled endpoint and another API key's get nothing.
     */
    @Test
    void anEndpointCreatedOnOneReplicaGetsTheEventsOfAWriteOnAnotherOnceSignedWithItsSecret() throws Exception {
        String key = "sk_test_endpoints";
        WebhookEndpoint endpoint = endpoint(0, key, "/hook");
        WebhookEndpoint flaky = endpoint(1, key, "/flaky");
        WebhookEndpoint disabled = endpoint(0, key, "/disabled");
        replicas.stripe(1, key).webhookEndpoints().update(disabled.getId(), WebhookEndpointUpdateParams.builder()
                .setDisabled(true).build());
        endpoint(0, "sk_test_endpoints_other", "/other");

        Customer customer = replicas.stripe(1, key).customers().create(CustomerCreateParams.builder()
                .setEmail("endpoint@example.com").build());
        Map<String, List<String[]>> received = new HashMap<>();
        while (received.getOrDefault("/hook", List.of()).isEmpty() || received.getOrDefault("/flaky", List.of())
                .size() < 2) {
            String[] delivery = RECEIVED.poll(30, TimeUnit.SECONDS);
            assertNotNull(delivery, "deliveries within 30 s: " + received.keySet());
            received.computeIfAbsent(delivery[0], path -> new ArrayList<>()).add(delivery);
        }
        REDIS.server().awaitNoDeliveries("endpoints");
        for (String[] late; (late = RECEIVED.poll()) != null; ) {
            received.computeIfAbsent(late[0], path -> new ArrayList<>()).add(late);
        }

        Event event = Webhook.constructEvent(received.get("/hook").get(0)[1], received.get("/hook").get(0)[2],
                endpoint.getSecret());
        assertEquals("customer.created", event.getType());
        assertEquals(customer.getId(), ((Customer) event.getDataObjectDeserializer().deserializeUnsafe()).getId());
        assertEquals(Set.of("/hook", "/flaky"), received.keySet(), "nothing for the disabled or other key's");
        assertEquals(1, received.get("/hook").size(), "delivered once");
        assertEquals(2, received.get("/flaky").size(), "refused once, then retried");
        Event retried = Webhook.constructEvent(received.get("/flaky").get(1)[1], received.get("/flaky").get(1)[2],
                flaky.getSecret());
        assertEquals(event.getId(), retried.getId());
        JsonNode log = Replicas.json(replicas.send(0, "GET", "/__twin/webhooks", null, null));
        assertTrue(log.toString().contains(url + "/flaky"), "the delivery log names the endpoint's URL: " + log);
    }

    private static WebhookEndpoint endpoint(int replica, String key, String path) throws Exception {
        return replicas.stripe(replica, key).webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl(url + path).addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                .build());
    }
}
