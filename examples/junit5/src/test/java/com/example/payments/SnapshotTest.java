package com.example.payments;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import dev.twin.junit5.TwinExtension;
import dev.twin.junit5.TwinRuntime;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snapshot saves every tenant's tables, so a test that restores one gets a twin of its own: the extension on an
 * instance field starts a twin per test and closes it after.
 */
class SnapshotTest {
    @RegisterExtension
    TwinExtension twin = TwinExtension.builder().config(Path.of("../stripe")).build();

    @Test
    void restoringASnapshotForgetsWhatWasWrittenAfterIt(TwinRuntime runtime) throws Exception {
        Stripe.overrideApiBase(runtime.baseUrl());
        RequestOptions key = RequestOptions.builder().setApiKey(runtime.apiKey()).build();
        Twin served = runtime.twin();
        Customer kept = Customer.create(CustomerCreateParams.builder().setName("kept").build(), key);
        served.snapshot("one-customer");
        Customer forgotten = Customer.create(CustomerCreateParams.builder().setName("forgotten").build(), key);

        served.restore("one-customer");

        List<String> ids = Customer.list(CustomerListParams.builder().setLimit(100L).build(), key).getData()
                .stream().map(Customer::getId).toList();
        assertTrue(ids.contains(kept.getId()), ids.toString());
        assertFalse(ids.contains(forgotten.getId()), ids.toString());
    }

    @Test
    void eachTestHasATwinOfItsOwn(TwinRuntime runtime) {
        assertTrue(runtime.twin().requests().isEmpty(), "nothing another test sent");
    }
}
