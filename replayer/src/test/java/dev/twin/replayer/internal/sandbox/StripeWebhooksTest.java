package dev.twin.replayer.internal.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.EventCollection;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.sun.net.httpserver.HttpServer;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events and signed webhooks from examples/stripe, with a receiver started by the test and stripe-java. */
class StripeWebhooksTest {
    private static final String SECRET = "whsec_twin_test_secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer receiver;
    private Twin twin;
    private String previousBase;
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    private void start(String events) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            attempts.incrementAndGet();
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            if (status == 200) {
                received.add(new String[] {payload, exchange.getRequestHeaders().getFirst("Stripe-Signature")});
            }
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        startTwin("webhooks:\n  - {url: \"" + hook + "\", events: " + events + ", secret: " + SECRET
                + ", signature: stripe}\n");
    }

    private void startTwin(String webhooks) throws Exception {
        Path example = Path.of("..", "examples", "stripe").toAbsolutePath().normalize();
        String yaml = Files.readString(example.resolve("twin.yaml"))
                .replace("path: spec3.json", "path: " + example.resolve("spec3.json"))
                .replace("file: test-cards.json", "file: " + example.resolve("test-cards.json"));
        Path file = Files.writeString(dir.resolve("twin.yaml"), yaml + "\n" + webhooks);
        twin = Twin.builder().config(file).webhookRetryDelay(Duration.ofMillis(20)).start();
        previousBase = Stripe.getApiBase();
        Stripe.overrideApiBase(twin.baseUrl());
    }

    @AfterEach
    void stop() {
        if (previousBase != null) {
            Stripe.overrideApiBase(previousBase);
        }
        if (twin != null) {
            twin.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static RequestOptions key(String name) {
        return RequestOptions.builder().setApiKey("sk_test_" + name).build();
    }

    private static PaymentIntent confirmedIntent(RequestOptions key) throws Exception {
        PaymentIntent intent = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(1200L)
                .setCurrency("usd").setPaymentMethod("pm_card_visa").build(), key);
        return intent.confirm(PaymentIntentConfirmParams.builder().build(), key);
    }

    private String[] nextDelivery() throws InterruptedException {
        String[] delivery = received.poll(20, TimeUnit.SECONDS);
        assertNotNull(delivery, "no webhook delivery arrived");
        return delivery;
    }

    @Test
    void receiverGetsASignedPaymentIntentSucceededAfterConfirm() throws Exception {
        start("[payment_intent.succeeded]");
        PaymentIntent confirmed = confirmedIntent(key("hooks_succeeded"));

        String[] delivery = nextDelivery();
        Event event = Webhook.constructEvent(delivery[0], delivery[1], SECRET);

        assertEquals("payment_intent.succeeded", event.getType());
        PaymentIntent inEvent = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(confirmed.getId(), inEvent.getId());
        assertEquals("succeeded", inEvent.getStatus());
        assertEquals("requires_confirmation", JSON.readTree(delivery[0])
                .at("/data/previous_attributes/status").asText());
    }

    @Test
    void receiverFailingTwiceGetsTheEventOnTheThirdAttempt() throws Exception {
        failuresLeft.set(2);
        start("[payment_intent.succeeded]");
        PaymentIntent confirmed = confirmedIntent(key("hooks_retry"));

        String[] delivery = nextDelivery();

        assertEquals(3, attempts.get());
        Event event = Webhook.constructEvent(delivery[0], delivery[1], SECRET);
        assertEquals(confirmed.getId(), ((PaymentIntent) event.getDataObjectDeserializer().getObject()
                .orElseThrow()).getId());
        JsonNode log = deliveryLog(3);
        assertEquals(List.of(3, 2, 1), List.of(log.get(0).get("attempt").asInt(), log.get(1).get("attempt").asInt(),
                log.get(2).get("attempt").asInt()));
        assertEquals(200, log.get(0).get("status").asInt());
        assertEquals("answered 500", log.get(2).get("error").asText());
    }

    @Test
    void declinedCardEmitsPaymentFailedAndNeverSucceeded() throws Exception {
        start("[\"payment_intent.*\"]");
        RequestOptions key = key("hooks_declined");
        PaymentIntent intent = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(500L)
                .setCurrency("usd").setPaymentMethod("pm_card_chargeDeclined").build(), key);
        assertThrows(com.stripe.exception.CardException.class,
                () -> intent.confirm(PaymentIntentConfirmParams.builder().build(), key));

        EventCollection events = Event.list(EventListParams.builder().build(), key);

        assertEquals(List.of("payment_intent.payment_failed", "charge.failed", "payment_intent.created"),
                events.getData().stream().map(Event::getType).toList());
    }

    @Test
    void eventsAreListedPerTenantAtV1Events() throws Exception {
        startTwin("");
        Customer customer = Customer.create(CustomerCreateParams.builder().setName("Ada").build(), key("events_a"));

        EventCollection mine = Event.list(EventListParams.builder().build(), key("events_a"));
        EventCollection theirs = Event.list(EventListParams.builder().build(), key("events_b"));
        Event fetched = Event.retrieve(mine.getData().get(0).getId(), key("events_a"));

        assertEquals("customer.created", mine.getData().get(0).getType());
        assertEquals(customer.getId(), ((Customer) fetched.getDataObjectDeserializer().getObject().orElseThrow())
                .getId());
        assertEquals(0, theirs.getData().size());
    }

    @Test
    void anEventReadLaterShowsTheRowAsItWasWhenItHappened() throws Exception {
        startTwin("");
        RequestOptions key = key("events_later");
        Customer customer = Customer.create(CustomerCreateParams.builder().setName("Ada").build(), key);
        customer.update(CustomerUpdateParams.builder().setName("Grace").build(), key);

        List<Event> events = Event.list(EventListParams.builder().build(), key).getData();
        Customer created = (Customer) events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
        Customer updated = (Customer) events.get(0).getDataObjectDeserializer().getObject().orElseThrow();

        assertEquals(List.of("customer.updated", "customer.created"), events.stream().map(Event::getType).toList());
        assertEquals("Ada", created.getName());
        assertEquals("Grace", updated.getName());
        assertEquals("Ada", events.get(0).getData().getPreviousAttributes().get("name"));
        assertEquals(events.get(1).getId(), Event.retrieve(events.get(1).getId(), key).getId());
    }

    @Test
    void aDownReceiverNeverFailsTheApiRequest() throws Exception {
        startTwin("webhooks:\n  - {url: \"http://127.0.0.1:1/hook\", maxAttempts: 2}\n");

        Customer customer = Customer.create(CustomerCreateParams.builder().setName("Bo").build(), key("down"));

        assertTrue(customer.getId().startsWith("cus_"));
        JsonNode log = deliveryLog(2);
        assertEquals(0, log.get(0).get("status").asInt());
        assertTrue(log.get(0).get("error").asText().contains("ConnectException"), log.toString());
    }

    @Test
    void theWebhookClientRefusesAnyUrlNotConfigured() throws Exception {
        startTwin("webhooks:\n  - {url: \"http://127.0.0.1:1/hook\"}\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> twin.internals().sandbox().webhookClient().post(URI.create("https://api.stripe.com/v1/charges"), "{}",
                        java.util.Map.of()));

        assertTrue(refused.getMessage().contains("only calls the webhook URLs configured"), refused.getMessage());
    }

    @Test
    void triggerEmitsAnEventByHand() throws Exception {
        start("[\"invoice.*\"]");
        HttpResponse<String> triggered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(twin.baseUrl() + "/__twin/webhooks/trigger"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"invoice.paid\", \"tenant\": \"sk_test_t\", "
                        + "\"object\": {\"id\": \"in_1\", \"object\": \"invoice\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        String[] delivery = nextDelivery();

        assertEquals(201, triggered.statusCode());
        assertEquals("invoice.paid", Webhook.constructEvent(delivery[0], delivery[1], SECRET).getType());
        assertEquals("invoice.paid", Event.list(EventListParams.builder().build(), key("t")).getData().get(0)
                .getType());
    }

    /** The delivery log once it holds at least {@code entries}, polled with a deadline. */
    private JsonNode deliveryLog(int entries) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            JsonNode log = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(twin.baseUrl()
                    + "/__twin/webhooks")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("deliveries");
            if (log.size() >= entries || System.nanoTime() > deadline) {
                assertTrue(log.size() >= entries, log.toString());
                return log;
            }
            Thread.onSpinWait();
        }
    }
}
