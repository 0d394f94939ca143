package dev.twin.replayer.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionItemCreateParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.twin.replayer.stripe.StripeExample.customer;
import static dev.twin.replayer.stripe.StripeExample.defaultCard;
import static dev.twin.replayer.stripe.StripeExample.key;
import static dev.twin.replayer.stripe.StripeExample.monthly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscription lifecycle of examples/stripe through stripe-java, each test with its own API key. */
class StripeSubscriptionsTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static Subscription subscribe(Customer customer, Price price, RequestOptions key) throws StripeException {
        return Subscription.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(2L).build())
                .addExpand("latest_invoice.payment_intent").build(), key);
    }

    @Test
    void withADefaultCardItIsActiveWithItsItemsPeriodAndAFirstInvoicePaidThroughAPaymentIntent() throws Exception {
        RequestOptions key = key("sub_active");
        Customer customer = customer(key, "active@example.com");
        PaymentMethod card = defaultCard(customer, "pm_card_visa", key);
        Price price = monthly(1500, "Pro", key);

        Subscription sub = subscribe(customer, price, key);

        assertEquals("active", sub.getStatus());
        assertEquals(1, sub.getItems().getData().size());
        SubscriptionItem item = sub.getItems().getData().get(0);
        assertEquals(price.getId(), item.getPrice().getId());
        assertEquals(2L, item.getQuantity());
        assertEquals(Instant.ofEpochSecond(sub.getCurrentPeriodStart()).atZone(ZoneOffset.UTC).plusMonths(1)
                .toEpochSecond(), sub.getCurrentPeriodEnd(), "one calendar month");
        Invoice invoice = sub.getLatestInvoiceObject();
        assertEquals("paid", invoice.getStatus());
        assertEquals(3000L, invoice.getAmountPaid());
        assertEquals("subscription_create", invoice.getBillingReason());
        assertEquals("2 × Pro", invoice.getLines().getData().get(0).getDescription());
        PaymentIntent intent = invoice.getPaymentIntentObject();
        assertEquals("succeeded", intent.getStatus());
        assertEquals(3000L, intent.getAmountReceived());
        assertEquals(card.getCard().getFingerprint(),
                PaymentMethod.retrieve(intent.getPaymentMethod(), key).getCard().getFingerprint());
    }

    @Test
    void trialPeriodDaysMakeItTrialingWithANothingDueInvoice() throws Exception {
        RequestOptions key = key("sub_trial");
        Customer customer = customer(key, "trial@example.com");
        Price price = monthly(1500, "Pro", key);

        Subscription sub = Subscription.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build())
                .setTrialPeriodDays(14L).addExpand("latest_invoice").build(), key);

        assertEquals("trialing", sub.getStatus());
        assertEquals(sub.getTrialStart() + 14 * 86400L, sub.getTrialEnd());
        assertEquals(sub.getTrialEnd(), sub.getCurrentPeriodEnd());
        assertEquals(0L, sub.getLatestInvoiceObject().getAmountDue());
        assertEquals("paid", sub.getLatestInvoiceObject().getStatus());
        assertNull(sub.getLatestInvoiceObject().getPaymentIntent(), "nothing to pay, no payment intent");
    }

    @Test
    void aDecliningDefaultCardLeavesItIncompleteWithAnOpenInvoiceAndAFailedPayment() throws Exception {
        RequestOptions key = key("sub_declined");
        Customer customer = customer(key, "declined@example.com");
        defaultCard(customer, "pm_card_chargeDeclinedInsufficientFunds", key);
        Price price = monthly(1500, "Pro", key);

        Subscription sub = subscribe(customer, price, key);

        assertEquals("incomplete", sub.getStatus());
        Invoice invoice = sub.getLatestInvoiceObject();
        assertEquals("open", invoice.getStatus());
        assertEquals(1L, invoice.getAttemptCount());
        assertEquals("requires_payment_method", invoice.getPaymentIntentObject().getStatus());
        assertEquals("insufficient_funds", invoice.getPaymentIntentObject().getLastPaymentError().getDeclineCode());
    }

    @Test
    void errorIfIncompleteAnswersTheDeclineAndKeepsNothing() throws Exception {
        RequestOptions key = key("sub_error_if");
        Customer customer = customer(key, "strict@example.com");
        defaultCard(customer, "pm_card_chargeCustomerFail", key);
        Price price = monthly(1500, "Pro", key);

        CardException declined = assertThrows(CardException.class, () -> Subscription.create(
                SubscriptionCreateParams.builder().setCustomer(customer.getId())
                        .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build())
                        .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.ERROR_IF_INCOMPLETE).build(), key));

        assertEquals("card_declined", declined.getCode());
        assertEquals(402, declined.getStatusCode());
        assertEquals(0, Subscription.list(Map.of("customer", customer.getId()), key).getData().size());
    }

    @Test
    void withoutAnyPaymentMethodTheCreateIsRefusedAsStripeRefusesIt() throws Exception {
        RequestOptions key = key("sub_no_pm");
        Customer customer = customer(key, "nopm@example.com");
        Price price = monthly(1500, "Pro", key);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> subscribe(customer, price, key));

        assertEquals(400, refused.getStatusCode());
        assertEquals("resource_missing", refused.getCode());
        assertEquals("This customer has no attached payment source or default payment method.",
                refused.getStripeError().getMessage());
    }

    @Test
    void defaultIncompleteLeavesThePaymentToTheClientAndConfirmingItActivatesTheSubscription() throws Exception {
        RequestOptions key = key("sub_default_incomplete");
        Customer customer = customer(key, "client@example.com");
        Price price = monthly(900, "Basic", key);

        Subscription sub = Subscription.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build())
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.DEFAULT_INCOMPLETE)
                .addExpand("latest_invoice.payment_intent").build(), key);
        PaymentIntent intent = sub.getLatestInvoiceObject().getPaymentIntentObject();
        assertEquals("incomplete", sub.getStatus());
        assertEquals("requires_payment_method", intent.getStatus());
        assertTrue(intent.getClientSecret().startsWith(intent.getId() + "_secret_"));

        PaymentIntent paid = intent.confirm(PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa")
                .build(), key);

        assertEquals("succeeded", paid.getStatus());
        Subscription after = Subscription.retrieve(sub.getId(), Map.of("expand", List.of("latest_invoice")), key);
        assertEquals("active", after.getStatus());
        assertEquals("paid", after.getLatestInvoiceObject().getStatus());
    }

    @Test
    void aOneTimePriceIsRefused() throws Exception {
        RequestOptions key = key("sub_one_time");
        Customer customer = customer(key, "once@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Price once = Price.create(com.stripe.param.PriceCreateParams.builder().setCurrency("usd").setUnitAmount(500L)
                .setProductData(com.stripe.param.PriceCreateParams.ProductData.builder().setName("Book").build())
                .build(), key);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> subscribe(customer, once, key));

        assertEquals("The price specified is set to `type=one_time` but this field only accepts prices with "
                + "`type=recurring`.", refused.getStripeError().getMessage());
    }

    @Test
    void cancelAtPeriodEndThenCancelEndsItAndAThirdCancelFindsNothing() throws Exception {
        RequestOptions key = key("sub_cancel");
        Customer customer = customer(key, "cancel@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Subscription sub = subscribe(customer, monthly(1500, "Pro", key), key);

        Subscription ending = sub.update(SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build(), key);
        Subscription canceled = ending.cancel(SubscriptionCancelParams.builder().build(), key);

        assertEquals("active", ending.getStatus());
        assertEquals(true, ending.getCancelAtPeriodEnd());
        assertEquals(ending.getCurrentPeriodEnd(), ending.getCancelAt());
        assertNotNull(ending.getCanceledAt());
        assertEquals("canceled", canceled.getStatus());
        assertNotNull(canceled.getEndedAt());
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> canceled.cancel(SubscriptionCancelParams.builder().build(), key));
        assertEquals("resource_missing", again.getCode());
        InvalidRequestException update = assertThrows(InvalidRequestException.class, () -> canceled.update(
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(false).build(), key));
        assertEquals("A canceled subscription can only update its cancellation_details and metadata.",
                update.getStripeError().getMessage());
    }

    @Test
    void itemsAreUpdatedAddedAndRemovedAndTheSubscriptionShowsThem() throws Exception {
        RequestOptions key = key("sub_items");
        Customer customer = customer(key, "items@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Price pro = monthly(1500, "Pro", key);
        Price seats = monthly(300, "Seats", key);
        Subscription sub = subscribe(customer, pro, key);
        String first = sub.getItems().getData().get(0).getId();

        Subscription changed = sub.update(SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(first).setQuantity(5L).build())
                .addItem(SubscriptionUpdateParams.Item.builder().setPrice(seats.getId()).setQuantity(3L).build())
                .build(), key);
        SubscriptionItem added = changed.getItems().getData().stream()
                .filter(item -> item.getPrice().getId().equals(seats.getId())).findFirst().orElseThrow();
        SubscriptionItem updated = SubscriptionItem.retrieve(added.getId(), key)
                .update(SubscriptionItemUpdateParams.builder().setQuantity(4L).build(), key);
        SubscriptionItem third = SubscriptionItem.create(SubscriptionItemCreateParams.builder()
                .setSubscription(sub.getId()).setPrice(pro.getId()).build(), key);
        third.delete(key);

        assertEquals(2, changed.getItems().getData().size());
        assertEquals(5L, changed.getItems().getData().stream().filter(i -> i.getId().equals(first)).findFirst()
                .orElseThrow().getQuantity());
        assertEquals(4L, updated.getQuantity());
        List<Long> quantities = new ArrayList<>();
        Subscription.retrieve(sub.getId(), key).getItems().getData().forEach(i -> quantities.add(i.getQuantity()));
        assertEquals(2, quantities.size(), "the third item is gone from the subscription too");
        assertTrue(quantities.containsAll(List.of(5L, 4L)), quantities.toString());
    }

    @Test
    void theLastItemCannotBeDeleted() throws Exception {
        RequestOptions key = key("sub_last_item");
        Customer customer = customer(key, "last@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Subscription sub = subscribe(customer, monthly(1500, "Pro", key), key);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> sub.getItems().getData().get(0).delete(key));

        assertTrue(refused.getStripeError().getMessage().startsWith("A subscription must have at least one active plan."));
    }

    @Test
    void creatingSendsTheEventsStripeSends() throws Exception {
        RequestOptions key = key("sub_events");
        Customer customer = customer(key, "events@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Price price = monthly(1500, "Pro", key);
        String before = Event.list(EventListParams.builder().setLimit(1L).build(), key).getData().get(0).getId();

        subscribe(customer, price, key);

        List<String> types = new ArrayList<>();
        Event.list(EventListParams.builder().setEndingBefore(before).setLimit(100L).build(), key).getData()
                .forEach(event -> types.add(0, event.getType()));
        assertTrue(types.containsAll(List.of("customer.subscription.created", "invoice.created", "invoice.finalized",
                "invoice.paid", "invoice.payment_succeeded", "payment_intent.created", "payment_intent.succeeded",
                "charge.succeeded")), types.toString());
        assertEquals("customer.subscription.created", types.get(0), types.toString());
    }
}
