package dev.twin.replayer.stripe;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.DisputeListParams;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Disputes of examples/stripe through stripe-java: opened by Stripe's dispute test cards, answered, closed. */
class StripeDisputesTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static PaymentIntent paid(String testCard, RequestOptions key) throws Exception {
        return PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(4500L).setCurrency("usd")
                .setPaymentMethod(testCard).setConfirm(true).build(), key);
    }

    private static Dispute disputeOf(PaymentIntent intent, RequestOptions key) throws Exception {
        List<Dispute> disputes = Dispute.list(DisputeListParams.builder().setPaymentIntent(intent.getId()).build(), key)
                .getData();
        assertEquals(1, disputes.size(), disputes.toString());
        return disputes.get(0);
    }

    @Test
    void theDisputeCardSucceedsThenOpensAFraudulentDispute() throws Exception {
        RequestOptions key = key("dp_fraud");

        PaymentIntent intent = paid("pm_card_createDispute", key);
        Dispute dispute = disputeOf(intent, key);

        assertEquals("succeeded", intent.getStatus());
        assertEquals("needs_response", dispute.getStatus());
        assertEquals("fraudulent", dispute.getReason());
        assertEquals(4500L, dispute.getAmount());
        assertEquals(intent.getLatestCharge(), dispute.getCharge());
        assertTrue(Charge.retrieve(intent.getLatestCharge(), key).getDisputed());
        assertEquals("charge.dispute.created", Event.list(EventListParams.builder().build(), key).getData().get(0)
                .getType());
    }

    @Test
    void submittedEvidencePutsItUnderReviewAndClosingLosesIt() throws Exception {
        RequestOptions key = key("dp_evidence");
        Dispute dispute = disputeOf(paid("pm_card_createDisputeProductNotReceived", key), key);

        Dispute submitted = dispute.update(DisputeUpdateParams.builder().setEvidence(DisputeUpdateParams.Evidence
                .builder().setProductDescription("A mug").build()).setSubmit(true).build(), key);
        Dispute closed = submitted.close(key);

        assertEquals("product_not_received", dispute.getReason());
        assertEquals("under_review", submitted.getStatus());
        assertEquals("A mug", submitted.getEvidence().getProductDescription());
        assertEquals("lost", closed.getStatus());
        assertEquals("This dispute is already closed.",
                assertThrows(InvalidRequestException.class, () -> closed.close(key)).getStripeError().getMessage());
        assertEquals("charge.dispute.closed", Event.list(EventListParams.builder().build(), key).getData().get(0)
                .getType());
    }

    @Test
    void anInquiryClosesAsWarningClosed() throws Exception {
        RequestOptions key = key("dp_inquiry");
        Dispute inquiry = disputeOf(paid("pm_card_createDisputeInquiry", key), key);

        Dispute closed = inquiry.close(key);

        assertEquals("warning_needs_response", inquiry.getStatus());
        assertEquals("warning_closed", closed.getStatus());
    }
}
