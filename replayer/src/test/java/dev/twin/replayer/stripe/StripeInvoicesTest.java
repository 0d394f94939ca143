package dev.twin.replayer.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceFinalizeInvoiceParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceLineItemCollectionListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoiceUpcomingParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.customer;
import static dev.twin.replayer.stripe.StripeExample.defaultCard;
import static dev.twin.replayer.stripe.StripeExample.key;
import static dev.twin.replayer.stripe.StripeExample.monthly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoices of examples/stripe through stripe-java: listed with lines, and each status transition and refusal. */
class StripeInvoicesTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    /** A draft invoice of one pending item of {@code amount} (manual, charge_automatically unless told). */
    private static Invoice draft(Customer customer, long amount, InvoiceCreateParams.CollectionMethod collection,
                                 RequestOptions key) throws StripeException {
        InvoiceItem.create(InvoiceItemCreateParams.builder().setCustomer(customer.getId()).setAmount(amount)
                .setCurrency("usd").setDescription("Onboarding").build(), key);
        InvoiceCreateParams.Builder params = InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE);
        if (collection == InvoiceCreateParams.CollectionMethod.SEND_INVOICE) {
            params.setCollectionMethod(collection).setDaysUntilDue(30L);
        }
        return Invoice.create(params.build(), key);
    }

    @Test
    void subscriptionInvoicesAreListedByCustomerAndBySubscriptionWithTheirLines() throws Exception {
        RequestOptions key = key("inv_list");
        Customer customer = customer(key, "list@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Price price = monthly(2000, "Team", key);
        Subscription first = Subscription.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build()).build(), key);
        Subscription.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build()).build(), key);

        List<Invoice> ofCustomer = Invoice.list(InvoiceListParams.builder().setCustomer(customer.getId()).build(), key)
                .getData();
        List<Invoice> ofFirst = Invoice.list(InvoiceListParams.builder().setSubscription(first.getId()).build(), key)
                .getData();
        List<InvoiceLineItem> lines = ofFirst.get(0).getLines().list(InvoiceLineItemCollectionListParams.builder()
                .build(), key).getData();

        assertEquals(2, ofCustomer.size());
        assertEquals(1, ofFirst.size());
        assertEquals(first.getLatestInvoice(), ofFirst.get(0).getId());
        assertEquals(1, lines.size());
        assertEquals(2000L, lines.get(0).getAmount());
        assertEquals(price.getId(), lines.get(0).getPrice().getId());
        assertEquals(first.getCurrentPeriodEnd(), lines.get(0).getPeriod().getEnd());
    }

    @Test
    void aManualInvoiceGoesFromDraftToOpenToPaid() throws Exception {
        RequestOptions key = key("inv_manual");
        Customer customer = customer(key, "manual@example.com");
        defaultCard(customer, "pm_card_visa", key);

        Invoice draft = draft(customer, 2500, null, key);
        Invoice open = draft.finalizeInvoice(InvoiceFinalizeInvoiceParams.builder().build(), key);
        Invoice paid = open.pay(InvoicePayParams.builder().build(), key);

        assertEquals("draft", draft.getStatus());
        assertEquals(2500L, draft.getAmountDue());
        assertEquals("Onboarding", draft.getLines().getData().get(0).getDescription());
        assertEquals("open", open.getStatus());
        assertTrue(open.getNumber().matches("[0-9A-F]{8}-0001"), open.getNumber());
        assertNotNull(open.getPaymentIntent());
        assertEquals("paid", paid.getStatus());
        assertEquals(2500L, paid.getAmountPaid());
        assertEquals(0L, paid.getAmountRemaining());
        assertNotNull(paid.getStatusTransitions().getPaidAt());
    }

    @Test
    void wrongTransitionsAnswerStripesMessages() throws Exception {
        RequestOptions key = key("inv_wrong");
        Customer customer = customer(key, "wrong@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Invoice draft = draft(customer, 1000, null, key);

        String voidDraft = message(() -> draft.voidInvoice(key));
        String deleteAfter;
        Invoice open = draft.finalizeInvoice(InvoiceFinalizeInvoiceParams.builder().build(), key);
        String refinalize = message(() -> open.finalizeInvoice(InvoiceFinalizeInvoiceParams.builder().build(), key));
        deleteAfter = message(() -> open.delete(key));
        Invoice paid = open.pay(InvoicePayParams.builder().build(), key);
        String repay = message(() -> paid.pay(InvoicePayParams.builder().build(), key));
        String voidPaid = message(() -> paid.voidInvoice(key));

        assertEquals("You can only pass in open invoices. This invoice isn't open.", voidDraft);
        assertEquals("This invoice is already finalized, you can't re-finalize a non-draft invoice.", refinalize);
        assertEquals("You can only delete draft invoices.", deleteAfter);
        assertEquals("Invoice is already paid", repay);
        assertEquals("Invoices with `paid` payments cannot be voided.", voidPaid);
    }

    @Test
    void anOpenInvoiceIsVoidedOrMarkedUncollectibleAndAnUncollectibleOneCanStillBePaid() throws Exception {
        RequestOptions key = key("inv_void");
        Customer customer = customer(key, "void@example.com");
        defaultCard(customer, "pm_card_visa", key);

        Invoice voided = draft(customer, 700, null, key)
                .finalizeInvoice(InvoiceFinalizeInvoiceParams.builder().build(), key).voidInvoice(key);
        Invoice uncollectible = draft(customer, 800, null, key)
                .finalizeInvoice(InvoiceFinalizeInvoiceParams.builder().build(), key).markUncollectible(key);
        String again = message(() -> uncollectible.markUncollectible(key));
        Invoice paidLater = uncollectible.pay(InvoicePayParams.builder().build(), key);

        assertEquals("void", voided.getStatus());
        assertNotNull(voided.getStatusTransitions().getVoidedAt());
        assertEquals("uncollectible", uncollectible.getStatus());
        assertEquals("This invoice has already been marked uncollectible.", again);
        assertEquals("paid", paidLater.getStatus());
    }

    @Test
    void sendingASendInvoiceDraftFinalizesItAndEmitsInvoiceSent() throws Exception {
        RequestOptions key = key("inv_send");
        Customer customer = customer(key, "send@example.com");
        Invoice draft = draft(customer, 1200, InvoiceCreateParams.CollectionMethod.SEND_INVOICE, key);

        Invoice sent = draft.sendInvoice(key);
        Invoice chargedOne = draft(customer, 300, null, key);

        assertEquals("open", sent.getStatus());
        assertTrue(Math.abs(draft.getCreated() + 30 * 86400L - sent.getDueDate()) <= 1, "due in 30 days");
        assertEquals("invoice.sent", Event.list(EventListParams.builder().setType("invoice.sent").build(), key)
                .getData().get(0).getType());
        assertEquals("You can only manually send an invoice if its collection method is 'send_invoice'.",
                message(() -> chargedOne.sendInvoice(key)));
    }

    @Test
    void payingWithADecliningCardAnswersTheDeclineAndTheInvoiceStaysOpen() throws Exception {
        RequestOptions key = key("inv_decline");
        Customer customer = customer(key, "decline@example.com");
        defaultCard(customer, "pm_card_chargeCustomerFail", key);
        Invoice open = draft(customer, 1000, null, key)
                .finalizeInvoice(InvoiceFinalizeInvoiceParams.builder().build(), key);

        CardException declined = assertThrows(CardException.class,
                () -> open.pay(InvoicePayParams.builder().build(), key));
        Invoice after = Invoice.retrieve(open.getId(), key);

        assertEquals("card_declined", declined.getCode());
        assertEquals("open", after.getStatus());
        assertEquals(1L, after.getAttemptCount());
        assertEquals("invoice.payment_failed", Event.list(EventListParams.builder()
                .setType("invoice.payment_failed").build(), key).getData().get(0).getType());
    }

    @Test
    void theUpcomingInvoiceBillsTheNextPeriod() throws Exception {
        RequestOptions key = key("inv_upcoming");
        Customer customer = customer(key, "upcoming@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Subscription sub = Subscription.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly(4200, "Scale", key).getId())
                        .build()).build(), key);

        Invoice upcoming = Invoice.upcoming(InvoiceUpcomingParams.builder().setCustomer(customer.getId()).build(), key);
        sub.update(SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build(), key);
        InvalidRequestException none = assertThrows(InvalidRequestException.class, () -> Invoice.upcoming(
                InvoiceUpcomingParams.builder().setCustomer(customer.getId()).build(), key));

        assertEquals(4200L, upcoming.getAmountDue());
        assertEquals(sub.getId(), upcoming.getSubscription());
        assertEquals(sub.getCurrentPeriodEnd(), upcoming.getLines().getData().get(0).getPeriod().getStart());
        assertEquals(sub.getCurrentPeriodEnd(), upcoming.getNextPaymentAttempt());
        assertEquals("invoice_upcoming_none", none.getCode());
    }

    private static String message(StripeCall call) {
        return assertThrows(InvalidRequestException.class, call::run).getStripeError().getMessage();
    }

    @FunctionalInterface
    private interface StripeCall {
        void run() throws StripeException;
    }
}
