package com.example.payments;

import com.stripe.Stripe;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import dev.twin.junit5.TwinRuntime;
import dev.twin.junit5.TwinTest;
import dev.twin.replayer.ServedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declarative way: one Stripe twin for the class, each test with an API key of its own. */
@TwinTest("../stripe")
class CustomerLifecycleTest {

    @Test
    void aCreatedCustomerCanBeReadUpdatedAndDeleted(TwinRuntime twin) throws Exception {
        Stripe.overrideApiBase(twin.baseUrl());
        RequestOptions key = RequestOptions.builder().setApiKey(twin.apiKey()).build();

        Customer created = Customer.create(CustomerCreateParams.builder().setName("Ada")
                .setEmail("ada@example.com").build(), key);
        Customer updated = created.update(CustomerUpdateParams.builder().setName("Ada Lovelace").build(), key);
        Customer deleted = updated.delete(key);

        assertEquals("Ada Lovelace", updated.getName());
        assertTrue(deleted.getDeleted());
        assertThrows(InvalidRequestException.class, () -> Customer.retrieve(created.getId(), key));
    }

    @Test
    void theJournalShowsWhatThisTestSentAndWhatAnswered(TwinRuntime twin) throws Exception {
        Stripe.overrideApiBase(twin.baseUrl());
        RequestOptions key = RequestOptions.builder().setApiKey(twin.apiKey()).build();

        Customer.create(CustomerCreateParams.builder().setName("Bea").build(), key);

        List<ServedRequest> requests = twin.requests();
        assertEquals(1, requests.size(), requests.toString());
        assertEquals("POST /v1/customers -> 200 (table, stripe.PostCustomers)", requests.get(0).toString());
        assertEquals(twin.tenant(), requests.get(0).tenant());
    }
}
