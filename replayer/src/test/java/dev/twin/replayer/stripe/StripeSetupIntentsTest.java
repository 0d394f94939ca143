package dev.twin.replayer.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.SetupIntentConfirmParams;
import com.stripe.param.SetupIntentCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.customer;
import static dev.twin.replayer.stripe.StripeExample.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setup intents of examples/stripe through stripe-java: confirming saves the card to the customer. */
class StripeSetupIntentsTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static SetupIntent create(Customer customer, RequestOptions key) throws Exception {
        return SetupIntent.create(SetupIntentCreateParams.builder().setCustomer(customer.getId())
                .addPaymentMethodType("card").build(), key);
    }

    @Test
    void confirmingSucceedsAndAttachesThePaymentMethodToTheCustomer() throws Exception {
        RequestOptions key = key("seti_ok");
        Customer customer = customer(key, "setup@example.com");
        SetupIntent created = create(customer, key);

        SetupIntent confirmed = created.confirm(SetupIntentConfirmParams.builder().setPaymentMethod("pm_card_visa")
                .build(), key);

        assertEquals("requires_payment_method", created.getStatus());
        assertTrue(created.getClientSecret().startsWith(created.getId() + "_secret_"));
        assertEquals("succeeded", confirmed.getStatus());
        PaymentMethod saved = PaymentMethod.retrieve(confirmed.getPaymentMethod(), key);
        assertEquals(customer.getId(), saved.getCustomer());
        assertEquals("4242", saved.getCard().getLast4());
        List<String> types = Event.list(EventListParams.builder().build(), key).getData().stream()
                .map(Event::getType).toList();
        assertTrue(types.containsAll(List.of("setup_intent.created", "setup_intent.succeeded",
                "payment_method.attached")), types.toString());
    }

    @Test
    void aCardThatFailsItsChecksLeavesTheIntentRequiringAPaymentMethod() throws Exception {
        RequestOptions key = key("seti_decline");
        Customer customer = customer(key, "setupfail@example.com");
        SetupIntent created = create(customer, key);

        CardException declined = assertThrows(CardException.class, () -> created.confirm(SetupIntentConfirmParams
                .builder().setPaymentMethod("pm_card_chargeDeclinedIncorrectCvc").build(), key));
        SetupIntent after = SetupIntent.retrieve(created.getId(), key);

        assertEquals("incorrect_cvc", declined.getCode());
        assertEquals(402, declined.getStatusCode());
        assertEquals("requires_payment_method", after.getStatus());
        assertEquals("incorrect_cvc", after.getLastSetupError().getCode());
        assertNull(after.getPaymentMethod());
        assertEquals("setup_intent.setup_failed", Event.list(EventListParams.builder().build(), key).getData().get(0)
                .getType());
    }

    @Test
    void createWithConfirmSucceedsAtOnceAndASucceededIntentCannotBeConfirmedOrCanceled() throws Exception {
        RequestOptions key = key("seti_once");
        Customer customer = customer(key, "once@example.com");

        SetupIntent succeeded = SetupIntent.create(SetupIntentCreateParams.builder().setCustomer(customer.getId())
                .setPaymentMethod("pm_card_mastercard").setConfirm(true).build(), key);
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> succeeded.confirm(SetupIntentConfirmParams.builder().build(), key));
        InvalidRequestException cancel = assertThrows(InvalidRequestException.class, () -> succeeded.cancel(key));

        assertEquals("succeeded", succeeded.getStatus());
        assertEquals("setup_intent_unexpected_state", again.getCode());
        assertEquals("setup_intent_unexpected_state", cancel.getCode());
    }

    @Test
    void anUnconfirmedIntentCanBeCanceled() throws Exception {
        RequestOptions key = key("seti_cancel");
        SetupIntent created = create(customer(key, "cancel@example.com"), key);

        SetupIntent canceled = created.cancel(key);

        assertEquals("canceled", canceled.getStatus());
    }
}
