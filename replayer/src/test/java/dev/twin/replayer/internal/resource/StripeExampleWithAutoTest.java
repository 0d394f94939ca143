package dev.twin.replayer.internal.resource;

import com.stripe.Stripe;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Coupon;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.CouponCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/stripe's twin.yaml (which says {@code stateful: auto}), through stripe-java: what the example writes by
 * hand answers completed with the spec's defaults, and every resource it does not write keeps state too.
 */
class StripeExampleWithAutoTest {
    @TempDir
    static Path directory;
    private static AutoTwin twin;
    private static String previousBase;

    @BeforeAll
    static void start() throws Exception {
        Path example = Path.of("..", "examples", "stripe");
        Files.copy(example.resolve("spec3.json"), directory.resolve("spec3.json"));
        Files.copy(example.resolve("test-cards.json"), directory.resolve("test-cards.json"));
        Files.copy(example.resolve("twin.yaml"), directory.resolve("twin.yaml"));
        twin = AutoTwin.ofConfig(directory.resolve("twin.yaml"));
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
    void aWrittenTableKeepsItsDefaultsAndHidesWhatStripeShowsOnlyExpanded() throws StripeException {
        Customer customer = Customer.create(CustomerCreateParams.builder().setName("Jenny Rosen").build(),
                key("written"));

        assertTrue(customer.getId().matches("cus_[A-Za-z0-9]{14}"), customer.getId());
        assertEquals("8D4E9F3A", customer.getInvoicePrefix(), "examples/stripe's own default");
        assertFalse(customer.getRawJsonObject().has("sources"), "the spec's customer has it; Stripe expands it");
        assertNull(customer.getCashBalance());
    }

    @Test
    void theExamplesCustomOperationsStillDriveItsPaymentIntents() throws StripeException {
        RequestOptions key = key("custom");
        PaymentIntent created = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").setPaymentMethod("pm_card_visa")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).build(), key);

        PaymentIntent confirmed = created.confirm(PaymentIntentConfirmParams.builder().build(), key);
        PaymentIntent captured = confirmed.capture(PaymentIntentCaptureParams.builder().build(), key);

        assertEquals("requires_confirmation", created.getStatus());
        assertEquals("requires_capture", confirmed.getStatus());
        assertEquals("succeeded", captured.getStatus());
        assertEquals(2000L, captured.getAmountReceived());
    }

    @Test
    void aResourceTheExampleDoesNotWriteKeepsStateInTheExamplesErrorShape() throws StripeException {
        RequestOptions key = key("derived");
        Coupon created = Coupon.create(CouponCreateParams.builder().setPercentOff(java.math.BigDecimal.TEN)
                .setDuration(CouponCreateParams.Duration.ONCE).build(), key);

        Coupon fetched = Coupon.retrieve(created.getId(), key);
        InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                () -> Coupon.retrieve("coupon_missing", key));

        assertEquals(created.getId(), fetched.getId());
        assertEquals(0, java.math.BigDecimal.TEN.compareTo(fetched.getPercentOff()));
        assertEquals("resource_missing", missing.getCode(), "examples/stripe's errors convention");
        assertEquals(404, missing.getStatusCode());
    }
}
