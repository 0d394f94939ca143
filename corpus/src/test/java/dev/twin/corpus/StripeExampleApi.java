package dev.twin.corpus;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.model.CustomerCollection;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceRetrieveParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;
import com.stripe.param.RefundCreateParams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * twin's own Stripe example (examples/stripe/twin.yaml, served in-process as {@code twin serve} serves it) as a rich
 * Stripe-shaped upstream, driven by the official SDK stripe-java: customers with metadata (merged and unset on
 * update), listed with limit, starting_after and a filter, deleted and read again; a product and its price (read and
 * listed with {@code expand}); payment intents created, confirmed, captured (capture_method=manual), canceled and
 * listed; a refund; and the errors an integration meets (a missing amount, a second cancel, an unknown id).
 *
 * <p>The transcript is what the SDK handed the integration ({@link StripeSdkSteps}): what a twin must get right here
 * is the server's defaults, nested objects, expand, and the state changes of confirm, capture and cancel.
 */
final class StripeExampleApi implements CorpusApi {
    /** Relative to the repository root's module directories: Maven runs the corpus with corpus/ as working dir. */
    private static final Path EXAMPLE = Path.of("..", "examples", "stripe");
    private static final RequestOptions KEY = RequestOptions.builder().setApiKey("sk_test_corpus").build();

    @Override
    public String name() {
        return "stripe-example";
    }

    /** Maven-only: the example ships with the repository and the SDK is a test dependency. */
    @Override
    public String unavailable() {
        return null;
    }

    /** The example keeps its tables in memory: workDir stays empty. */
    @Override
    public Upstream start(Path workDir) throws Exception {
        if (!Files.isRegularFile(EXAMPLE.resolve("twin.yaml"))) {
            throw new IllegalStateException("no " + EXAMPLE.resolve("twin.yaml").toAbsolutePath()
                    + ": run the corpus from the corpus/ module directory");
        }
        return ServedTwin.start(EXAMPLE);
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        // the SDK's base URL is global to the JVM: set for this run only
        String previousBase = Stripe.getApiBase();
        Stripe.overrideApiBase(client.baseUrl().toString());
        try {
            StripeSdkSteps sdk = new StripeSdkSteps(client);
            customers(sdk);
            productsAndPrices(sdk);
            payments(sdk);
        } finally {
            Stripe.overrideApiBase(previousBase);
        }
    }

    private static void customers(StripeSdkSteps sdk) {
        Customer jenny = sdk.required("create-customer-1", () -> Customer.create(CustomerCreateParams.builder()
                .setName("Jenny Rosen").setEmail("jenny@example.com").putMetadata("order", "42")
                .putMetadata("tier", "gold").build(), KEY));
        sdk.required("create-customer-2", () -> Customer.create(CustomerCreateParams.builder()
                .setName("Ali Khan").setEmail("ali@example.com").setDescription("wholesale").build(), KEY));
        Customer third = sdk.required("create-customer-3", () -> Customer.create(CustomerCreateParams.builder()
                .setName("Mei Lin").setEmail("mei@example.com").setPhone("+15555550123").build(), KEY));

        sdk.step("retrieve-customer-1", () -> Customer.retrieve(jenny.getId(), KEY));
        // metadata merges key by key: order stays, tier changes, channel is added
        sdk.step("update-customer-1-metadata", () -> jenny.update(CustomerUpdateParams.builder()
                .putMetadata("tier", "platinum").putMetadata("channel", "web").setName("Jenny R.").build(), KEY));
        // an empty value unsets a key (metadata[channel]=), as Stripe documents
        sdk.step("update-customer-1-unset-channel", () -> jenny.update(CustomerUpdateParams.builder()
                .putMetadata("channel", "").build(), KEY));
        sdk.step("retrieve-updated-customer-1", () -> Customer.retrieve(jenny.getId(), KEY));

        CustomerCollection firstPage = sdk.required("list-customers-limit-2", () -> Customer.list(
                CustomerListParams.builder().setLimit(2L).build(), KEY));
        List<Customer> rows = firstPage.getData();
        String last = rows.get(rows.size() - 1).getId();
        sdk.step("list-customers-starting-after", () -> Customer.list(
                CustomerListParams.builder().setLimit(2L).setStartingAfter(last).build(), KEY));
        sdk.step("list-customers-by-email", () -> Customer.list(
                CustomerListParams.builder().setEmail("ali@example.com").build(), KEY));

        sdk.step("delete-customer-3", () -> third.delete(KEY));
        sdk.step("retrieve-deleted-customer-3", () -> Customer.retrieve(third.getId(), KEY));
        sdk.step("retrieve-never-existing-customer", () -> Customer.retrieve("cus_NeverExisted00", KEY));
        sdk.step("list-customers-after-delete", () -> Customer.list(CustomerListParams.builder().build(), KEY));
    }

    private static void productsAndPrices(StripeSdkSteps sdk) {
        Product shirt = sdk.required("create-product", () -> Product.create(ProductCreateParams.builder()
                .setName("Corpus T-shirt").putMetadata("size", "M").build(), KEY));
        Price price = sdk.required("create-price", () -> Price.create(PriceCreateParams.builder()
                .setProduct(shirt.getId()).setUnitAmount(2500L).setCurrency("usd").build(), KEY));
        sdk.step("update-product", () -> shirt.update(ProductUpdateParams.builder()
                .setDescription("organic cotton").build(), KEY));
        sdk.step("retrieve-price-expand-product", () -> Price.retrieve(price.getId(),
                PriceRetrieveParams.builder().addExpand("product").build(), KEY));
        sdk.step("list-prices-of-product-expanded", () -> Price.list(PriceListParams.builder()
                .setProduct(shirt.getId()).addExpand("data.product").build(), KEY));
    }

    private static void payments(StripeSdkSteps sdk) {
        Customer buyer = sdk.required("create-buyer", () -> Customer.create(CustomerCreateParams.builder()
                .setName("Sam Buyer").setEmail("sam@example.com").build(), KEY));
        PaymentIntent manual = sdk.required("create-intent-manual-capture", () -> PaymentIntent.create(
                PaymentIntentCreateParams.builder().setAmount(2000L).setCurrency("usd")
                        .setCustomer(buyer.getId()).setPaymentMethod("pm_card_visa")
                        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                        .putMetadata("order", "1001").build(), KEY));
        sdk.step("retrieve-intent", () -> PaymentIntent.retrieve(manual.getId(), KEY));
        PaymentIntent confirmed = sdk.required("confirm-intent", () -> manual.confirm(
                PaymentIntentConfirmParams.builder().build(), KEY));
        PaymentIntent captured = sdk.required("capture-intent", () -> confirmed.capture(
                PaymentIntentCaptureParams.builder().build(), KEY));
        sdk.step("retrieve-captured-intent-expand-customer", () -> PaymentIntent.retrieve(captured.getId(),
                PaymentIntentRetrieveParams.builder().addExpand("customer").build(), KEY));

        PaymentIntent unpaid = sdk.required("create-intent-without-payment-method", () -> PaymentIntent.create(
                PaymentIntentCreateParams.builder().setAmount(500L).setCurrency("eur").build(), KEY));
        sdk.step("capture-unconfirmed-intent", () -> unpaid.capture(PaymentIntentCaptureParams.builder().build(),
                KEY));
        PaymentIntent canceled = sdk.required("cancel-intent", () -> unpaid.cancel(PaymentIntentCancelParams
                .builder().setCancellationReason(PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER)
                .build(), KEY));
        sdk.step("cancel-intent-again", () -> canceled.cancel(PaymentIntentCancelParams.builder().build(), KEY));
        sdk.step("create-intent-missing-amount", () -> PaymentIntent.create(
                PaymentIntentCreateParams.builder().setCurrency("usd").build(), KEY));

        sdk.step("list-intents", () -> PaymentIntent.list(PaymentIntentListParams.builder().setLimit(5L).build(),
                KEY));
        sdk.step("list-intents-of-buyer", () -> PaymentIntent.list(PaymentIntentListParams.builder()
                .setCustomer(buyer.getId()).build(), KEY));

        Refund refund = sdk.required("refund-part", () -> Refund.create(RefundCreateParams.builder()
                .setPaymentIntent(captured.getId()).setAmount(500L).setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .build(), KEY));
        sdk.step("retrieve-refund", () -> Refund.retrieve(refund.getId(), KEY));
        sdk.step("refund-too-much", () -> Refund.create(RefundCreateParams.builder()
                .setPaymentIntent(captured.getId()).setAmount(5000L).build(), KEY));
    }
}
