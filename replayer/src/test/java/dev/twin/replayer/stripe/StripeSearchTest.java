package dev.twin.replayer.stripe;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.ChargeSearchResult;
import com.stripe.model.Customer;
import com.stripe.model.CustomerSearchResult;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.ChargeSearchParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stripe's search query language on examples/stripe through stripe-java's search methods. */
class StripeSearchTest {
    private static StripeExample stripe;
    private static final RequestOptions KEY = key("search");
    private static final List<Customer> CUSTOMERS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
        String[][] people = {{"ada@example.com", "Ada Lovelace", "pro"}, {"alan@example.com", "Alan Turing", "free"},
            {"grace@example.com", "Grace Hopper", "pro"}, {"edsger@example.org", "Edsger Dijkstra", "free"}};
        for (String[] person : people) {
            CUSTOMERS.add(Customer.create(CustomerCreateParams.builder().setEmail(person[0]).setName(person[1])
                    .putMetadata("plan", person[2]).build(), KEY));
        }
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static List<String> emails(String query) throws Exception {
        List<String> found = new ArrayList<>();
        for (Customer customer : Customer.search(CustomerSearchParams.builder().setQuery(query).build(), KEY)
                .autoPagingIterable()) {
            found.add(customer.getEmail());
        }
        return found;
    }

    @Test
    void anExactFieldFindsItsCustomer() throws Exception {
        assertEquals(List.of("alan@example.com"), emails("email:'alan@example.com'"));
        assertEquals(List.of("alan@example.com"), emails("email:\"ALAN@example.com\""), "case does not matter");
    }

    @Test
    void metadataNegationAndOrCombine() throws Exception {
        assertEquals(List.of("grace@example.com", "ada@example.com"), emails("metadata['plan']:'pro'"));
        assertEquals(List.of("edsger@example.org", "alan@example.com"), emails("-metadata['plan']:'pro'"));
        assertEquals(List.of("grace@example.com", "alan@example.com"),
                emails("name:'Alan Turing' OR email:'grace@example.com'"));
        assertEquals(List.of("ada@example.com"), emails("metadata['plan']:'pro' AND name~'love'"));
    }

    @Test
    void createdComparesAsANumber() throws Exception {
        long first = CUSTOMERS.get(0).getCreated();

        assertEquals(4, emails("created>=" + first).size());
        assertEquals(List.of(), emails("created<" + first));
    }

    @Test
    void resultsArePagedWithNextPage() throws Exception {
        CustomerSearchResult page = Customer.search(CustomerSearchParams.builder().setQuery("email~'example'")
                .setLimit(3L).build(), KEY);
        CustomerSearchResult next = Customer.search(CustomerSearchParams.builder().setQuery("email~'example'")
                .setLimit(3L).setPage(page.getNextPage()).build(), KEY);

        assertEquals("search_result", page.getObject());
        assertEquals(3, page.getData().size());
        assertTrue(page.getHasMore());
        assertNotNull(page.getNextPage());
        assertEquals(1, next.getData().size());
        assertFalse(next.getHasMore());
        assertNull(next.getNextPage());
        assertEquals(CUSTOMERS.get(0).getId(), next.getData().get(0).getId(), "newest first, the oldest last");
    }

    @Test
    void paymentIntentsAndChargesAreSearchedByTheirOwnFields() throws Exception {
        RequestOptions key = key("search_payments");
        PaymentIntent big = PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(9000L)
                .setCurrency("usd").setPaymentMethod("pm_card_amex").setConfirm(true).putMetadata("order", "7")
                .build(), key);
        PaymentIntent.create(PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("eur").build(), key);

        List<String> intents = new ArrayList<>();
        PaymentIntent.search(PaymentIntentSearchParams.builder().setQuery("status:'succeeded' AND amount>1000")
                .build(), key).getData().forEach(intent -> intents.add(intent.getId()));
        ChargeSearchResult charges = Charge.search(ChargeSearchParams.builder()
                .setQuery("payment_method_details.card.last4:'0005'").build(), key);

        assertEquals(List.of(big.getId()), intents);
        assertEquals(1, charges.getData().size());
        assertEquals(big.getId(), charges.getData().get(0).getPaymentIntent());
        assertEquals(1, PaymentIntent.search(PaymentIntentSearchParams.builder().setQuery("-currency:'usd'").build(),
                key).getData().size());
        assertEquals(1, PaymentIntent.search(PaymentIntentSearchParams.builder().setQuery("metadata['order']:'7'")
                .build(), key).getData().size());
    }

    @Test
    void aFieldTheResourceDoesNotSearchIsRefusedAsStripeRefusesIt() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> emails("balance:0"));

        assertEquals("query", refused.getParam());
        assertTrue(refused.getStripeError().getMessage().startsWith("Field `balance` is an unsupported search field "
                + "for resource `customers`."), refused.getStripeError().getMessage());
    }

    @Test
    void aQueryThatDoesNotParseSaysWhere() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> emails("email:'a' AND name:'b' OR phone:'c'"));

        assertTrue(refused.getStripeError().getMessage().startsWith("We were unable to parse your search query."));
        assertTrue(refused.getStripeError().getMessage().contains("AND and OR cannot be combined"),
                refused.getStripeError().getMessage());
    }
}
