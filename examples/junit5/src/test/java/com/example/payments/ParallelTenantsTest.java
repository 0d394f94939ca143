package com.example.payments;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import dev.twin.junit5.TwinExtension;
import dev.twin.junit5.TwinRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 tests on 8 threads (junit-platform.properties) against one twin: each creates customers with its own API key
 * and lists exactly the seed rows and its own, never another test's.
 */
class ParallelTenantsTest {
    @RegisterExtension
    static TwinExtension twin = TwinExtension.builder().config(Path.of("../stripe")).build();

    static int seeded;

    @BeforeAll
    static void countTheSeedRows() throws Exception {
        Stripe.overrideApiBase(twin.baseUrl());
        seeded = Customer.list(CustomerListParams.builder().setLimit(100L).build(),
                RequestOptions.builder().setApiKey("sk_test_count").build()).getData().size();
    }

    @RepeatedTest(200)
    void aTestListsTheSeedRowsAndItsOwnCustomersOnly(TwinRuntime runtime) throws Exception {
        Stripe.overrideApiBase(runtime.baseUrl());
        RequestOptions key = RequestOptions.builder().setApiKey(runtime.apiKey()).build();
        Customer first = Customer.create(CustomerCreateParams.builder().setName("first").build(), key);
        Customer second = Customer.create(CustomerCreateParams.builder().setName("second").build(), key);

        List<String> ids = Customer.list(CustomerListParams.builder().setLimit(100L).build(), key).getData()
                .stream().map(Customer::getId).toList();

        assertEquals(seeded + 2, ids.size(), ids.toString());
        assertTrue(ids.contains(first.getId()) && ids.contains(second.getId()), ids.toString());
    }
}
