package dev.twin.replayer.internal.binding;

import com.stripe.Stripe;
import com.stripe.exception.CardException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Stripe's documented test payment methods in examples/stripe, through stripe-java over real HTTP. */
class StripeTestCardsTest {
    private static RunningTwin twin;
    private static String previousBase;

    @BeforeAll
    static void start() throws Exception {
        twin = RunningTwin.example("stripe");
        previousBase = Stripe.getApiBase();
        Stripe.overrideApiBase(twin.baseUrl());
    }

    @AfterAll
    static void stop() {
        Stripe.overrideApiBase(previousBase);
        twin.close();
    }

    private static RequestOptions key(String name) {
        return RequestOptions.builder().setApiKey("sk_test_" + name).build();
    }

    private static PaymentIntent created(String paymentMethod, RequestOptions key) throws Exception {
        return PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(2000L).setCurrency("usd")
                .setPaymentMethod(paymentMethod).build(), key);
    }

    @Test
    void visaTestCardSucceedsOnConfirm() throws Exception {
        RequestOptions key = key("cards_visa");
        PaymentIntent intent = created("pm_card_visa", key);

        PaymentIntent confirmed = intent.confirm(PaymentIntentConfirmParams.builder().build(), key);

        assertEquals("succeeded", confirmed.getStatus());
        assertEquals(2000L, confirmed.getAmountReceived());
    }

    @Test
    void declinedCardRaisesCardExceptionAndLeavesTheIntentRequiringAPaymentMethod() throws Exception {
        RequestOptions key = key("cards_declined");
        PaymentIntent intent = created("pm_card_chargeDeclined", key);

        CardException declined = assertThrows(CardException.class,
                () -> intent.confirm(PaymentIntentConfirmParams.builder().build(), key));

        assertEquals(402, declined.getStatusCode());
        assertEquals("card_declined", declined.getCode());
        assertEquals("generic_decline", declined.getDeclineCode());
        assertEquals("card_error", declined.getStripeError().getType());
        assertEquals(intent.getId(), declined.getStripeError().getPaymentIntent().getId());
        PaymentIntent after = PaymentIntent.retrieve(intent.getId(), key);
        assertEquals("requires_payment_method", after.getStatus());
        assertEquals(0L, after.getAmountReceived());
        assertNull(after.getPaymentMethod());
        assertEquals("card_declined", after.getLastPaymentError().getCode());
    }

    @Test
    void declinedCardOnCreateWithConfirmRaisesCardExceptionAndKeepsTheIntent() throws Exception {
        RequestOptions key = key("cards_create_confirm");

        CardException declined = assertThrows(CardException.class, () -> PaymentIntent.create(
                PaymentIntentCreateParams.builder().setAmount(1500L).setCurrency("usd")
                        .setPaymentMethod("pm_card_chargeDeclinedInsufficientFunds").setConfirm(true).build(), key));

        assertEquals("card_declined", declined.getCode());
        assertEquals("insufficient_funds", declined.getDeclineCode());
        PaymentIntent stored = PaymentIntent.retrieve(declined.getStripeError().getPaymentIntent().getId(), key);
        assertEquals("requires_payment_method", stored.getStatus());
        assertEquals("insufficient_funds", stored.getLastPaymentError().getDeclineCode());
    }

    @Test
    void expiredCardAndProcessingErrorCarryTheirCodes() throws Exception {
        RequestOptions key = key("cards_other");
        Map<String, String> expected = Map.of("pm_card_chargeDeclinedExpiredCard", "expired_card",
                "pm_card_chargeDeclinedProcessingError", "processing_error");

        for (Map.Entry<String, String> card : expected.entrySet()) {
            PaymentIntent intent = created(card.getKey(), key);
            CardException declined = assertThrows(CardException.class,
                    () -> intent.confirm(PaymentIntentConfirmParams.builder().build(), key));
            assertEquals(card.getValue(), declined.getCode(), card.getKey());
            assertEquals(card.getValue(), declined.getDeclineCode(), card.getKey());
        }
    }

    @Test
    void aDeclinedIntentCanBeConfirmedAgainWithAWorkingCard() throws Exception {
        RequestOptions key = key("cards_retry");
        PaymentIntent intent = created("pm_card_chargeDeclined", key);
        assertThrows(CardException.class, () -> intent.confirm(PaymentIntentConfirmParams.builder().build(), key));

        PaymentIntent retried = intent.confirm(PaymentIntentConfirmParams.builder()
                .setPaymentMethod("pm_card_visa").build(), key);

        assertEquals("succeeded", retried.getStatus());
        assertNotNull(retried.getPaymentMethod());
    }
}
