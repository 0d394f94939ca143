package dev.twin.replayer.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.CardException;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.net.RequestOptions;
import com.stripe.param.DisputeListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.attach;
import static dev.twin.replayer.stripe.StripeExample.customer;
import static dev.twin.replayer.stripe.StripeExample.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every test card of examples/stripe/test-cards.json, by each of its magic values: its token makes a payment method
 * with its details, its pm_card_ id confirms a payment as Stripe's test card does (succeeds, declines with its codes,
 * or opens its dispute), and attaching it passes or fails the card checks as Stripe's does.
 */
class StripeTestCardScenariosTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    static List<JsonNode> cards() throws Exception {
        List<JsonNode> cards = new ArrayList<>();
        new ObjectMapper().readTree(Path.of("..", "examples", "stripe", "test-cards.json").toFile()).forEach(cards::add);
        return cards;
    }

    private static RequestOptions keyFor(JsonNode card, String purpose) {
        return key(purpose + "_" + card.get("payment_method").asText());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cards")
    void itsTokenMakesAPaymentMethodWithItsCardDetails(JsonNode card) throws Exception {
        PaymentMethod method = PaymentMethod.create(PaymentMethodCreateParams.builder()
                .setType(PaymentMethodCreateParams.Type.CARD).setCard(PaymentMethodCreateParams.Token.builder()
                        .setToken(card.get("token").asText()).build()).build(), keyFor(card, "token"));

        JsonNode details = card.get("card");
        assertEquals(details.get("brand").asText(), method.getCard().getBrand());
        assertEquals(details.get("last4").asText(), method.getCard().getLast4());
        assertEquals(card.get("number").asText().substring(card.get("number").asText().length() - 4),
                method.getCard().getLast4());
        assertEquals(details.get("funding").asText(), method.getCard().getFunding());
        assertEquals(details.get("country").asText(), method.getCard().getCountry());
        assertEquals(details.get("fingerprint").asText(), method.getCard().getFingerprint());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cards")
    void aPaymentConfirmedWithItAnswersAsStripesTestCard(JsonNode card) throws Exception {
        RequestOptions key = keyFor(card, "confirm");
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(1999L).setCurrency("usd")
                .setPaymentMethod(card.get("payment_method").asText()).setConfirm(true).build();
        JsonNode decline = card.get("decline");

        if (!decline.isNull()) {
            CardException declined = assertThrows(CardException.class, () -> PaymentIntent.create(params, key));
            assertEquals(402, declined.getStatusCode());
            assertEquals(decline.get("code").asText(), declined.getCode());
            assertEquals(decline.get("decline_code").asText(), declined.getDeclineCode());
            assertEquals(decline.get("message").asText(), declined.getStripeError().getMessage());
            PaymentIntent stored = PaymentIntent.retrieve(declined.getStripeError().getPaymentIntent().getId(), key);
            assertEquals("requires_payment_method", stored.getStatus());
            assertEquals(decline.get("decline_code").asText(), stored.getLastPaymentError().getDeclineCode());
            return;
        }
        PaymentIntent paid = PaymentIntent.create(params, key);
        assertEquals("succeeded", paid.getStatus());
        assertEquals(1999L, paid.getAmountReceived());
        List<Dispute> disputes = Dispute.list(DisputeListParams.builder().setPaymentIntent(paid.getId()).build(), key)
                .getData();
        JsonNode dispute = card.get("dispute");
        if (dispute.isNull()) {
            assertTrue(disputes.isEmpty(), disputes.toString());
        } else {
            assertEquals(1, disputes.size());
            assertEquals(dispute.get("reason").asText(), disputes.get(0).getReason());
            assertEquals(dispute.get("status").asText(), disputes.get(0).getStatus());
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cards")
    void attachingItPassesOrFailsTheCardChecks(JsonNode card) throws Exception {
        RequestOptions key = keyFor(card, "attach");
        Customer customer = customer(key, "cards@example.com");
        JsonNode decline = card.get("decline");

        if (!decline.isNull() && decline.get("on_attach").asBoolean()) {
            CardException refused = assertThrows(CardException.class,
                    () -> attach(card.get("payment_method").asText(), customer, key));
            assertEquals(decline.get("code").asText(), refused.getCode());
            assertNull(refused.getStripeError().getPaymentIntent());
            return;
        }
        PaymentMethod attached = attach(card.get("payment_method").asText(), customer, key);
        assertEquals(customer.getId(), attached.getCustomer());
    }
}
