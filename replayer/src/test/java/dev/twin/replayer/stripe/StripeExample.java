package dev.twin.replayer.stripe;

import com.stripe.Stripe;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import dev.twin.replayer.Twin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * examples/stripe served on 127.0.0.1 with stripe-java pointed at it until {@link #close}, and the steps most flows
 * start from (a customer with a default card, a monthly price). Each test uses its own API key: its own tenant.
 */
final class StripeExample implements AutoCloseable {
    private final Twin twin;
    private final String previousBase;
    private final HttpClient http = HttpClient.newHttpClient();

    private StripeExample(Twin twin, String previousBase) {
        this.twin = twin;
        this.previousBase = previousBase;
    }

    static StripeExample start() throws Exception {
        Twin twin = Twin.serve(Path.of("..", "examples", "stripe", "twin.yaml"));
        String previous = Stripe.getApiBase();
        Stripe.overrideApiBase(twin.baseUrl());
        return new StripeExample(twin, previous);
    }

    Twin twin() {
        return twin;
    }

    static RequestOptions key(String name) {
        return RequestOptions.builder().setApiKey("sk_test_" + name).build();
    }

    static Customer customer(RequestOptions key, String email) throws StripeException {
        return Customer.create(CustomerCreateParams.builder().setEmail(email).setName("Jenny Rosen").build(), key);
    }

    /** A test card (pm_card_visa ...) attached to the customer and made its default for invoices. */
    static PaymentMethod defaultCard(Customer customer, String testCard, RequestOptions key) throws StripeException {
        PaymentMethod card = attach(testCard, customer, key);
        customer.update(CustomerUpdateParams.builder().setInvoiceSettings(CustomerUpdateParams.InvoiceSettings
                .builder().setDefaultPaymentMethod(card.getId()).build()).build(), key);
        return card;
    }

    /** {@code POST /v1/payment_methods/{id}/attach}, for a stored payment method or a test card's id. */
    static PaymentMethod attach(String paymentMethod, Customer customer, RequestOptions key) throws StripeException {
        PaymentMethod named = new PaymentMethod();
        named.setId(paymentMethod);
        return named.attach(PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build(), key);
    }

    static Price monthly(long unitAmount, String productName, RequestOptions key) throws StripeException {
        return Price.create(PriceCreateParams.builder().setCurrency("usd").setUnitAmount(unitAmount)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .setProductData(PriceCreateParams.ProductData.builder().setName(productName).build()).build(), key);
    }

    /** {@code POST /__twin/operations/{name}} with a JSON body; the status and body. */
    HttpResponse<String> operation(String name, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + "/__twin/operations/" + name))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        Stripe.overrideApiBase(previousBase);
        twin.close();
    }
}
