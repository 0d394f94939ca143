package com.example.payments;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import dev.twin.junit5.TwinExtension;
import dev.twin.junit5.TwinRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every test sends the same API key here, and the twin is reset before each one: what the first test wrote is gone
 * when the second runs. (With one key for all, the tests must not run in parallel.)
 */
@Execution(ExecutionMode.SAME_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {
    @RegisterExtension
    static TwinExtension twin = TwinExtension.builder().config(Path.of("../stripe")).tenantPerTest(false).build();

    static int seeded;

    @BeforeAll
    static void countTheSeedRows() throws Exception {
        Stripe.overrideApiBase(twin.baseUrl());
        seeded = Customer.list(CustomerListParams.builder().setLimit(100L).build(),
                RequestOptions.builder().setApiKey("sk_test_count").build()).getData().size();
    }

    @Test
    @Order(1)
    void theFirstTestCreatesACustomer(TwinRuntime runtime) throws Exception {
        Stripe.overrideApiBase(runtime.baseUrl());
        Customer.create(CustomerCreateParams.builder().setName("Ada").build(), key(runtime));

        assertEquals(seeded + 1, customers(runtime));
    }

    @Test
    @Order(2)
    void theSecondTestFindsOnlyTheSeedRows(TwinRuntime runtime) throws Exception {
        Stripe.overrideApiBase(runtime.baseUrl());

        assertEquals(seeded, customers(runtime));
    }

    private static int customers(TwinRuntime runtime) throws Exception {
        return Customer.list(CustomerListParams.builder().setLimit(100L).build(), key(runtime)).getData().size();
    }

    private static RequestOptions key(TwinRuntime runtime) {
        return RequestOptions.builder().setApiKey(runtime.apiKey()).build();
    }
}
