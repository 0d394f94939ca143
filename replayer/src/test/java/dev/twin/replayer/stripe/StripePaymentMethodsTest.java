package dev.twin.replayer.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentMethod;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerListPaymentMethodsParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.PaymentMethodListParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.attach;
import static dev.twin.replayer.stripe.StripeExample.customer;
import static dev.twin.replayer.stripe.StripeExample.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payment methods of examples/stripe through stripe-java: made from test cards, attached, listed, detached. */
class StripePaymentMethodsTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static PaymentMethod fromToken(String token, RequestOptions key) throws Exception {
        return PaymentMethod.create(PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
                .setCard(PaymentMethodCreateParams.Token.builder().setToken(token).build()).build(), key);
    }

    @Test
    void aTokenMakesACardWithTheDetailsStripeShows() throws Exception {
        PaymentMethod visa = fromToken("tok_visa", key("pm_token"));

        assertTrue(visa.getId().startsWith("pm_"), visa.getId());
        assertEquals("card", visa.getType());
        assertEquals("visa", visa.getCard().getBrand());
        assertEquals("4242", visa.getCard().getLast4());
        assertEquals(12L, visa.getCard().getExpMonth());
        assertEquals(2034L, visa.getCard().getExpYear());
        assertEquals("credit", visa.getCard().getFunding());
        assertEquals("US", visa.getCard().getCountry());
        assertEquals(16, visa.getCard().getFingerprint().length());
        assertNull(visa.getCustomer());
    }

    @Test
    void theFingerprintIsTheSameForTheSameCardNumberWhateverNamesIt() throws Exception {
        RequestOptions key = key("pm_fingerprint");
        PaymentMethod fromToken = fromToken("tok_visa", key);
        PaymentMethod fromNumber = PaymentMethod.create(PaymentMethodCreateParams.builder()
                .setType(PaymentMethodCreateParams.Type.CARD).setCard(PaymentMethodCreateParams.CardDetails.builder()
                        .setNumber("4242424242424242").setExpMonth(12L).setExpYear(2034L).setCvc("123").build())
                .build(), key);
        PaymentMethod fromTestId = attach("pm_card_visa", customer(key, "fp@example.com"), key);
        PaymentMethod mastercard = fromToken("tok_mastercard", key);

        assertEquals(fromToken.getCard().getFingerprint(), fromNumber.getCard().getFingerprint());
        assertEquals(fromToken.getCard().getFingerprint(), fromTestId.getCard().getFingerprint());
        assertNotEquals(fromToken.getCard().getFingerprint(), mastercard.getCard().getFingerprint());
        assertEquals("mastercard", mastercard.getCard().getBrand());
        assertEquals("4444", mastercard.getCard().getLast4());
    }

    @Test
    void attachedCardsAreListedByCustomerAndTypeUntilDetached() throws Exception {
        RequestOptions key = key("pm_attach");
        Customer customer = customer(key, "attach@example.com");
        PaymentMethod visa = attach(fromToken("tok_visa", key).getId(), customer, key);
        PaymentMethod amex = attach("pm_card_amex", customer, key);
        fromToken("tok_discover", key); // not attached

        List<PaymentMethod> listed = PaymentMethod.list(PaymentMethodListParams.builder()
                .setCustomer(customer.getId()).setType(PaymentMethodListParams.Type.CARD).build(), key).getData();
        List<PaymentMethod> ofCustomer = customer.listPaymentMethods(CustomerListPaymentMethodsParams.builder()
                .setType(CustomerListPaymentMethodsParams.Type.CARD).build(), key).getData();
        PaymentMethod detached = visa.detach(key);
        List<PaymentMethod> after = customer.listPaymentMethods(CustomerListPaymentMethodsParams.builder().build(), key)
                .getData();

        assertEquals(customer.getId(), visa.getCustomer());
        assertEquals("amex", amex.getCard().getBrand());
        assertEquals(List.of(amex.getId(), visa.getId()), listed.stream().map(PaymentMethod::getId).toList());
        assertEquals(2, ofCustomer.size());
        assertNull(detached.getCustomer());
        assertEquals(List.of(amex.getId()), after.stream().map(PaymentMethod::getId).toList());
        assertEquals("The payment method you provided is not attached to a customer so detachment is impossible.",
                assertThrows(InvalidRequestException.class, () -> detached.detach(key)).getStripeError().getMessage());
        List<String> types = Event.list(EventListParams.builder().build(), key).getData().stream()
                .map(Event::getType).toList();
        assertTrue(types.contains("payment_method.attached") && types.contains("payment_method.detached"), types.toString());
    }

    @Test
    void theDefaultPaymentMethodForInvoicesMustBeTheCustomers() throws Exception {
        RequestOptions key = key("pm_default");
        Customer customer = customer(key, "default@example.com");
        PaymentMethod own = attach("pm_card_visa", customer, key);
        PaymentMethod loose = fromToken("tok_mastercard", key);

        Customer updated = customer.update(CustomerUpdateParams.builder().setInvoiceSettings(CustomerUpdateParams
                .InvoiceSettings.builder().setDefaultPaymentMethod(own.getId()).build()).build(), key);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> customer.update(
                CustomerUpdateParams.builder().setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder()
                        .setDefaultPaymentMethod(loose.getId()).build()).build(), key));
        own.detach(key);

        assertEquals(own.getId(), updated.getInvoiceSettings().getDefaultPaymentMethod());
        assertEquals("invoice_settings[default_payment_method]", refused.getParam());
        assertTrue(refused.getStripeError().getMessage().endsWith("The payment method must be attached to the customer."));
        assertNull(Customer.retrieve(customer.getId(), key).getInvoiceSettings().getDefaultPaymentMethod(),
                "detaching the default clears it");
    }

    @Test
    void aCardThatFailsItsChecksCannotBeAttachedButOneThatOnlyDeclinesChargesCan() throws Exception {
        RequestOptions key = key("pm_checks");
        Customer customer = customer(key, "checks@example.com");

        CardException refused = assertThrows(CardException.class,
                () -> attach(fromToken("tok_chargeDeclined", key).getId(), customer, key));
        PaymentMethod attached = attach("pm_card_chargeDeclinedInsufficientFunds", customer, key);

        assertEquals("card_declined", refused.getCode());
        assertEquals("generic_decline", refused.getDeclineCode());
        assertEquals(customer.getId(), attached.getCustomer());
    }

    @Test
    void unknownTokensAndNumbersAreRefused() throws Exception {
        RequestOptions key = key("pm_unknown");

        InvalidRequestException token = assertThrows(InvalidRequestException.class, () -> fromToken("tok_nope", key));
        CardException number = assertThrows(CardException.class, () -> PaymentMethod.create(PaymentMethodCreateParams
                .builder().setType(PaymentMethodCreateParams.Type.CARD).setCard(PaymentMethodCreateParams.CardDetails
                        .builder().setNumber("4242424242424241").setExpMonth(1L).setExpYear(2030L).build()).build(),
                key));

        assertEquals("No such token: 'tok_nope'", token.getStripeError().getMessage());
        assertEquals("resource_missing", token.getCode());
        assertEquals("incorrect_number", number.getCode());
    }
}
