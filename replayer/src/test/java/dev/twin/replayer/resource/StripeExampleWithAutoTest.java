package dev.twin.replayer.resource;

import com.stripe.Stripe;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/stripe's twin.yaml with {@code stateful: auto} added, through stripe-java: what the example writes by
 * hand answers as before, completed with the spec's defaults, and every other resource keeps state too.
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
        Files.writeString(directory.resolve("twin.yaml"), Files.readString(example.resolve("twin.yaml"))
                + "\nstateful: auto\n");
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
    void aWrittenTableKeepsItsDefaultsAndGainsTheSpecsForTheFieldsItDoesNotWrite() throws StripeException {
        Customer customer = Customer.create(CustomerCreateParams.builder().setName("Jenny Rosen").build(),
                key("written"));

        assertTrue(customer.getId().matches("cus_[A-Za-z0-9]{14}"), customer.getId());
        assertEquals("8D4E9F3A", customer.getInvoicePrefix(), "examples/stripe's own default");
        assertTrue(customer.getRawJsonObject().has("cash_balance"), "a field only the spec's customer has");
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
        Subscription created = Subscription.create(SubscriptionCreateParams.builder().setCustomer("cus_x")
                .addItem(SubscriptionCreateParams.Item.builder().setPrice("price_x").build()).build(), key);

        Subscription fetched = Subscription.retrieve(created.getId(), key);
        InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                () -> Subscription.retrieve("sub_missing", key));

        assertTrue(created.getId().startsWith("sub_"), created.getId());
        assertEquals(created.getId(), fetched.getId());
        assertEquals("cus_x", fetched.getCustomer());
        assertEquals("resource_missing", missing.getCode(), "examples/stripe's errors convention");
        assertEquals(404, missing.getStatusCode());
    }
}
