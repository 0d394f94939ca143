package dev.twin.replayer.internal.server;

import com.stripe.Stripe;
import com.stripe.model.Balance;
import com.stripe.model.Customer;
import com.stripe.model.CustomerCollection;
import com.stripe.model.ProductCollection;
import com.stripe.param.CustomerListParams;
import com.stripe.param.ProductListParams;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The official Stripe Java SDK reads examples/stripe, served from the spec alone, without errors. */
class StripeSdkTest {
    private static Twin server;
    private static String previousBase;

    @BeforeAll
    static void start() throws Exception {
        server = Twin.builder().specs(Path.of("..", "examples", "stripe", "spec3.json")).start();
        previousBase = Stripe.getApiBase();
        Stripe.overrideApiBase(server.baseUrl());
        Stripe.apiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    }

    @AfterAll
    static void stop() {
        Stripe.overrideApiBase(previousBase);
        server.close();
    }

    @Test
    void retrievesACustomerWithTheRequestedId() throws Exception {
        Customer customer = Customer.retrieve("cus_NffrFeUfNV2Hib");

        assertEquals("cus_NffrFeUfNV2Hib", customer.getId());
        assertEquals("customer", customer.getObject());
    }

    @Test
    void listsCustomers() throws Exception {
        CustomerCollection customers = Customer.list(CustomerListParams.builder().setLimit(3L).build());

        assertEquals("list", customers.getObject());
        assertNotNull(customers.getData());
    }

    @Test
    void retrievesTheBalance() throws Exception {
        Balance balance = Balance.retrieve();

        assertEquals("balance", balance.getObject());
        assertNotNull(balance.getAvailable());
    }

    @Test
    void listsProducts() throws Exception {
        ProductCollection products = com.stripe.model.Product.list(ProductListParams.builder().build());

        assertEquals("list", products.getObject());
        products.getData().forEach(product -> assertEquals("product", product.getObject()));
    }
}
