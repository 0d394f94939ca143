package dev.twin.replayer.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.LineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.key;
import static dev.twin.replayer.stripe.StripeExample.monthly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checkout sessions of examples/stripe through stripe-java: open with a url, expired, and completed as the hosted
 * page would complete them (through the admin API, or at once with the twin_complete_with magic value).
 */
class StripeCheckoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static Price book(RequestOptions key) throws Exception {
        return Price.create(PriceCreateParams.builder().setCurrency("usd").setUnitAmount(1250L)
                .setProductData(PriceCreateParams.ProductData.builder().setName("Book").build()).build(), key);
    }

    private static SessionCreateParams.Builder session(SessionCreateParams.Mode mode, Price price, long quantity) {
        return SessionCreateParams.builder().setMode(mode).setSuccessUrl("https://example.com/ok")
                .setCancelUrl("https://example.com/cancel").addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(price.getId()).setQuantity(quantity).build());
    }

    @Test
    void aSessionIsOpenWithAUrlItsTotalAndItsLineItems() throws Exception {
        RequestOptions key = key("cs_open");
        Price price = book(key);

        Session session = Session.create(session(SessionCreateParams.Mode.PAYMENT, price, 3).build(), key);
        List<LineItem> items = session.listLineItems(com.stripe.param.checkout.SessionListLineItemsParams.builder().build(), key).getData();

        assertEquals("open", session.getStatus());
        assertEquals("unpaid", session.getPaymentStatus());
        assertEquals("https://checkout.stripe.com/c/pay/" + session.getId(), session.getUrl());
        assertEquals(3750L, session.getAmountTotal());
        assertTrue(session.getExpiresAt() > session.getCreated());
        assertEquals(1, items.size());
        assertEquals(3L, items.get(0).getQuantity());
        assertEquals(price.getId(), items.get(0).getPrice().getId());
    }

    @Test
    void anOpenSessionExpiresOnceAndSendsCheckoutSessionExpired() throws Exception {
        RequestOptions key = key("cs_expire");
        Session session = Session.create(session(SessionCreateParams.Mode.PAYMENT, book(key), 1).build(), key);

        Session expired = session.expire(key);
        InvalidRequestException again = assertThrows(InvalidRequestException.class, () -> expired.expire(key));

        assertEquals("expired", expired.getStatus());
        assertEquals("Only Checkout Sessions with a status in [\"open\"] can be expired.",
                again.getStripeError().getMessage());
        assertEquals("checkout.session.expired", Event.list(EventListParams.builder().build(), key).getData().get(0)
                .getType());
    }

    @Test
    void completingThroughTheAdminApiPaysThePaymentModeSession() throws Exception {
        RequestOptions key = key("cs_admin");
        Session session = Session.create(session(SessionCreateParams.Mode.PAYMENT, book(key), 2).build(), key);

        HttpResponse<String> answer = stripe.operation("CompleteCheckoutSession", "{\"tenant\": \"sk_test_cs_admin\","
                + " \"input\": {\"session\": \"" + session.getId() + "\", \"payment_method\": \"pm_card_visa\"}}");
        JsonNode completed = JSON.readTree(answer.body());
        Session after = Session.retrieve(session.getId(), key);

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("complete", completed.get("status").asText());
        assertEquals("complete", after.getStatus());
        assertEquals("paid", after.getPaymentStatus());
        PaymentIntent intent = PaymentIntent.retrieve(after.getPaymentIntent(), key);
        assertEquals("succeeded", intent.getStatus());
        assertEquals(2500L, intent.getAmountReceived());
        Event event = Event.list(EventListParams.builder().setType("checkout.session.completed").build(), key)
                .getData().get(0);
        assertEquals(session.getId(), ((Session) event.getDataObjectDeserializer().deserializeUnsafe()).getId());
    }

    @Test
    void aDecliningCardLeavesTheSessionOpen() throws Exception {
        RequestOptions key = key("cs_declined");
        Session session = Session.create(session(SessionCreateParams.Mode.PAYMENT, book(key), 1).build(), key);

        HttpResponse<String> answer = stripe.operation("CompleteCheckoutSession", "{\"tenant\": \"sk_test_cs_declined\","
                + " \"input\": {\"session\": \"" + session.getId() + "\", \"payment_method\": \"pm_card_chargeDeclined\"}}");

        assertEquals(402, answer.statusCode(), answer.body());
        assertEquals("open", Session.retrieve(session.getId(), key).getStatus());
    }

    @Test
    void theMagicValueCompletesASubscriptionSessionAtOnceWithAnActiveSubscription() throws Exception {
        RequestOptions key = key("cs_magic");
        Price monthly = monthly(2000, "Pro", key);

        Session session = Session.create(session(SessionCreateParams.Mode.SUBSCRIPTION, monthly, 1)
                .setCustomerEmail("magic@example.com").putMetadata("twin_complete_with", "pm_card_visa").build(), key);

        assertEquals("complete", session.getStatus());
        assertEquals("paid", session.getPaymentStatus());
        assertNotNull(session.getCustomer(), "subscription mode makes a customer");
        Subscription subscription = Subscription.retrieve(session.getSubscription(), key);
        assertEquals("active", subscription.getStatus());
        assertEquals(session.getCustomer(), subscription.getCustomer());
        assertEquals(monthly.getId(), subscription.getItems().getData().get(0).getPrice().getId());
        assertEquals(subscription.getLatestInvoice(), session.getInvoice());
    }

    @Test
    void aRecurringPriceInPaymentModeIsRefused() throws Exception {
        RequestOptions key = key("cs_wrong_mode");
        Price monthly = monthly(2000, "Pro", key);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> Session.create(session(SessionCreateParams.Mode.PAYMENT, monthly, 1).build(), key));

        assertTrue(refused.getStripeError().getMessage().startsWith("You specified `payment` mode but passed a "
                + "recurring price."), refused.getStripeError().getMessage());
    }
}
