package com.example.payments;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import dev.twin.junit5.TwinRuntime;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client flow the record-then-replay classes run: create a customer, read it back, find it in the list. */
final class CustomerFlow {
    private CustomerFlow() {
    }

    static void run(TwinRuntime runtime, String name) throws Exception {
        Stripe.overrideApiBase(runtime.baseUrl());
        RequestOptions key = RequestOptions.builder().setApiKey(runtime.apiKey()).build();
        Customer created = Customer.create(CustomerCreateParams.builder().setName(name)
                .setEmail(name.toLowerCase() + "@example.com").build(), key);

        Customer read = Customer.retrieve(created.getId(), key);
        List<Customer> listed = Customer.list(CustomerListParams.builder().setLimit(100L).build(), key).getData();

        assertEquals(name, read.getName());
        assertTrue(listed.stream().anyMatch(customer -> customer.getId().equals(created.getId())));
    }
}
