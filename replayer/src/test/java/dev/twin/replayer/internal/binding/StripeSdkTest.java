package dev.twin.replayer.internal.binding;

import com.stripe.Stripe;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official Stripe Java SDK against examples/stripe, each test with its own API key (its own tenant). */
class StripeSdkTest {
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

    @Test
    void customerCrudRoundTripsThroughTheSdk() throws StripeException {
        RequestOptions key = key("sdk_crud");
        Customer created = Customer.create(CustomerCreateParams.builder().setName("Jenny Rosen")
                .setEmail("jenny@example.com").putMetadata("order", "42").build(), key);

        Customer fetched = Customer.retrieve(created.getId(), key);
        Customer updated = fetched.update(CustomerUpdateParams.builder().setName("Jenny R.").build(), key);
        Customer deleted = updated.delete(key);

        assertTrue(created.getId().startsWith("cus_"));
        assertEquals("jenny@example.com", fetched.getEmail());
        assertEquals(Map.of("order", "42"), fetched.getMetadata());
        assertEquals("Jenny R.", updated.getName());
        assertEquals("jenny@example.com", updated.getEmail());
        assertEquals(Boolean.TRUE, deleted.getDeleted());
    }

    @Test
    void retrievingADeletedCustomerRaisesResourceMissing() throws StripeException {
        RequestOptions key = key("sdk_missing");
        Customer customer = Customer.create(CustomerCreateParams.builder().setName("Gone").build(), key);
        customer.delete(key);

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Customer.retrieve(customer.getId(), key));

        assertEquals("resource_missing", e.getCode());
        assertEquals(404, e.getStatusCode());
        assertEquals("id", e.getParam());
        assertEquals("No such customer: '" + customer.getId() + "'", e.getStripeError().getMessage());
    }

    @Test
    void autoPagingWalksEveryPageNewestFirst() throws StripeException {
        RequestOptions key = key("sdk_paging");
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdIds.add(Customer.create(CustomerCreateParams.builder().setName("c" + i).build(), key).getId());
        }

        List<String> seen = new ArrayList<>();
        for (Customer customer : Customer.list(CustomerListParams.builder().setLimit(2L).build(), key)
                .autoPagingIterable()) {
            seen.add(customer.getId());
        }

        List<String> newestFirst = new ArrayList<>(createdIds);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
    }

    @Test
    void manualCapturePaymentIntentConfirmsCapturesAndRefunds() throws StripeException {
        RequestOptions key = key("sdk_payments");
        PaymentIntent created = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").setPaymentMethod("pm_card_visa")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).build(), key);
        assertEquals("requires_confirmation", created.getStatus());
        assertTrue(created.getClientSecret().matches(created.getId() + "_secret_[0-9A-Za-z]{24}"),
                created.getClientSecret());

        PaymentIntent confirmed = created.confirm(PaymentIntentConfirmParams.builder().build(), key);
        assertEquals("requires_capture", confirmed.getStatus());
        assertEquals(0L, confirmed.getAmountReceived());
        assertEquals(2000L, confirmed.getAmountCapturable());

        PaymentIntent captured = confirmed.capture(PaymentIntentCaptureParams.builder().build(), key);
        assertEquals("succeeded", captured.getStatus());
        assertEquals(2000L, captured.getAmountReceived());

        Refund refund = Refund.create(RefundCreateParams.builder().setPaymentIntent(captured.getId()).build(), key);
        assertTrue(refund.getId().startsWith("re_"));
        assertEquals(2000L, refund.getAmount());
        assertEquals("succeeded", refund.getStatus());
        assertEquals(captured.getId(), refund.getPaymentIntent());
    }

    @Test
    void cancelledPaymentIntentCannotBeCancelledTwice() throws StripeException {
        RequestOptions key = key("sdk_cancel");
        PaymentIntent intent = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(100L)
                .setCurrency("usd").build(), key);

        PaymentIntent canceled = intent.cancel(com.stripe.param.PaymentIntentCancelParams.builder()
                .setCancellationReason(com.stripe.param.PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER)
                .build(), key);

        assertEquals("canceled", canceled.getStatus());
        assertEquals("requested_by_customer", canceled.getCancellationReason());
        assertTrue(canceled.getCanceledAt() > 0);
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> canceled.cancel(com.stripe.param.PaymentIntentCancelParams.builder().build(), key));
        assertEquals("payment_intent_unexpected_state", again.getCode());
    }

    @Test
    void paymentIntentWithoutPaymentMethodRequiresOne() throws StripeException {
        PaymentIntent created = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(500L)
                .setCurrency("eur").build(), key("sdk_no_pm"));

        assertEquals("requires_payment_method", created.getStatus());
        assertEquals(0L, created.getAmountReceived());
        assertNull(created.getCustomer());
    }

    @Test
    void automaticConfirmSucceedsAtOnce() throws StripeException {
        PaymentIntent created = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(700L)
                .setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build(), key("sdk_auto"));

        assertEquals("succeeded", created.getStatus());
        assertEquals(700L, created.getAmountReceived());
    }

    @Test
    void refundOfAnUncapturedPaymentIntentRaisesAnInvalidRequest() throws StripeException {
        RequestOptions key = key("sdk_bad_refund");
        PaymentIntent intent = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(900L)
                .setCurrency("usd").build(), key);

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Refund.create(
                RefundCreateParams.builder().setPaymentIntent(intent.getId()).build(), key));

        assertEquals("charge_not_refundable", e.getCode());
        assertEquals("payment_intent", e.getParam());
        assertEquals(400, e.getStatusCode());
    }

    @Test
    void capturingAnUnconfirmedIntentFailsAndChangesNothing() throws StripeException {
        RequestOptions key = key("sdk_atomic");
        PaymentIntent intent = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(300L)
                .setCurrency("usd").setPaymentMethod("pm_card_visa").build(), key);

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> intent.capture(PaymentIntentCaptureParams.builder().build(), key));

        assertEquals("payment_intent_unexpected_state", e.getCode());
        assertEquals("requires_confirmation", PaymentIntent.retrieve(intent.getId(), key).getStatus());
    }
}
