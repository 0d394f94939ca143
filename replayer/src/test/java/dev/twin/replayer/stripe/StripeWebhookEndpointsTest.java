package dev.twin.replayer.stripe;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Product;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.twin.replayer.stripe.StripeExample.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook endpoints created over the API (POST /v1/webhook_endpoints) on examples/stripe: each gets its API key's
 * events of the types it enabled, signed with its own secret, which stripe-java's Webhook.constructEvent verifies.
 */
class StripeWebhookEndpointsTest {
    private static StripeExample stripe;
    private static HttpServer receiver;
    private static String url;
    /** Each delivery: {path, payload, Stripe-Signature}. */
    private static final BlockingQueue<String[]> RECEIVED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            RECEIVED.add(new String[] {exchange.getRequestURI().getPath(), payload,
                exchange.getRequestHeaders().getFirst("Stripe-Signature")});
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        stripe.close();
    }

    /** The next delivery to {@code path}; others received meanwhile are returned in {@code others}. */
    private static String[] next(String path, List<String[]> others) throws InterruptedException {
        while (true) {
            String[] delivery = RECEIVED.poll(30, TimeUnit.SECONDS);
            assertNotNull(delivery, "no delivery to " + path + " within 30 s");
            if (delivery[0].equals(path)) {
                return delivery;
            }
            others.add(delivery);
        }
    }

    private static WebhookEndpoint endpoint(String path, RequestOptions key, WebhookEndpointCreateParams.EnabledEvent...
            events) throws Exception {
        WebhookEndpointCreateParams.Builder params = WebhookEndpointCreateParams.builder().setUrl(url + path);
        for (WebhookEndpointCreateParams.EnabledEvent event : events) {
            params.addEnabledEvent(event);
        }
        return WebhookEndpoint.create(params.build(), key);
    }

    @Test
    void anEndpointGetsItsEventsSignedWithTheSecretItWasCreatedWith() throws Exception {
        RequestOptions key = key("we_signed");
        WebhookEndpoint endpoint = endpoint("/signed", key, WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED);

        Customer customer = Customer.create(CustomerCreateParams.builder().setEmail("hook@example.com").build(), key);
        String[] delivery = next("/signed", new ArrayList<>());

        assertTrue(endpoint.getSecret().matches("whsec_[A-Za-z0-9]{32}"), endpoint.getSecret());
        assertEquals("enabled", endpoint.getStatus());
        Event event = Webhook.constructEvent(delivery[1], delivery[2], endpoint.getSecret());
        assertEquals("customer.created", event.getType());
        assertEquals(customer.getId(), ((Customer) event.getDataObjectDeserializer().deserializeUnsafe()).getId());
    }

    @Test
    void onlyTheTypesTheEndpointEnabledOfItsOwnKeyAreDelivered() throws Exception {
        RequestOptions key = key("we_filter");
        WebhookEndpoint endpoint = endpoint("/filtered", key, WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED);

        Product.create(ProductCreateParams.builder().setName("Not a type /filtered enabled").build(), key);
        Customer.create(CustomerCreateParams.builder().setEmail("other-key@example.com").build(), key("we_other"));
        Customer wanted = Customer.create(CustomerCreateParams.builder().setEmail("wanted@example.com").build(), key);
        String[] delivery = next("/filtered", new ArrayList<>());

        Event event = Webhook.constructEvent(delivery[1], delivery[2], endpoint.getSecret());
        assertEquals("customer.created", event.getType(), "product.created was not enabled");
        assertEquals(wanted.getId(), ((Customer) event.getDataObjectDeserializer().deserializeUnsafe()).getId(),
                "another API key's customer goes to that key's endpoints only");
    }

    @Test
    void aDisabledEndpointGetsNothingAndOnlyLoopbackUrlsAreAccepted() throws Exception {
        RequestOptions key = key("we_disabled");
        WebhookEndpoint endpoint = endpoint("/disabled", key, WebhookEndpointCreateParams.EnabledEvent.ALL);

        WebhookEndpoint disabled = endpoint.update(WebhookEndpointUpdateParams.builder().setDisabled(true).build(), key);
        InvalidRequestException elsewhere = assertThrows(InvalidRequestException.class,
                () -> WebhookEndpoint.create(WebhookEndpointCreateParams.builder().setUrl("https://example.com/hook")
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).build(), key));
        InvalidRequestException moved = assertThrows(InvalidRequestException.class, () -> disabled.update(
                WebhookEndpointUpdateParams.builder().setUrl("http://10.0.0.1/hook").build(), key));

        assertEquals("disabled", disabled.getStatus());
        assertEquals("url", elsewhere.getParam());
        assertTrue(elsewhere.getStripeError().getMessage().contains("loopback"), elsewhere.getStripeError().getMessage());
        assertEquals("url", moved.getParam());
        assertEquals(url + "/disabled", WebhookEndpoint.retrieve(endpoint.getId(), key).getUrl());
    }
}
