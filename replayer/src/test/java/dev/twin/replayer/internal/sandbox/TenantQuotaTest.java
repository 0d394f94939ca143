package dev.twin.replayer.internal.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tenancy.maxRows} and {@code maxBytes} over a real socket, answered as Stripe answers a bad request. */
class TenantQuotaTest {
    @TempDir
    Path dir;
    private StripeSandbox twin;

    @AfterEach
    void stop() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void aCreateBeyondTheRowQuotaIsStripesInvalidRequestAndChangesNothing() throws Exception {
        twin = StripeSandbox.start(dir, "tenancy:\n  maxRows: 3\n");
        RequestOptions key = key("rows_a");
        for (int i = 0; i < 3; i++) {
            Customer.create(CustomerCreateParams.builder().setName("c" + i).build(), key);
        }

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> Customer.create(CustomerCreateParams.builder().setName("one too many").build(), key));

        assertEquals(400, refused.getStatusCode());
        assertEquals("invalid_request_error", refused.getStripeError().getType());
        assertEquals("parameter_invalid", refused.getCode());
        assertTrue(refused.getStripeError().getMessage().contains("(3)"), refused.getStripeError().getMessage());
        assertEquals(3, Customer.list(CustomerListParams.builder().setLimit(100L).build(), key).getData().size());
        assertEquals(3, Event.list(EventListParams.builder().build(), key).getData().size(), "no event for it");
    }

    @Test
    void theRowQuotaIsPerTenant() throws Exception {
        twin = StripeSandbox.start(dir, "tenancy:\n  maxRows: 1\n");
        Customer.create(CustomerCreateParams.builder().setName("mine").build(), key("rows_full"));

        Customer other = Customer.create(CustomerCreateParams.builder().setName("theirs").build(), key("rows_free"));

        assertEquals("theirs", other.getName());
    }

    @Test
    void anUpdateThatWouldGrowPastTheByteQuotaIsRefusedAndTheRowKeepsItsData() throws Exception {
        twin = StripeSandbox.start(dir, "tenancy:\n  maxBytes: 1kb\n");
        RequestOptions key = key("bytes_a");
        Customer customer = Customer.create(CustomerCreateParams.builder().setName("small").build(), key);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> customer.update(
                CustomerUpdateParams.builder().setDescription("x".repeat(2_000)).build(), key));

        assertEquals(400, refused.getStatusCode());
        assertEquals("invalid_request_error", refused.getStripeError().getType());
        Customer stored = Customer.retrieve(customer.getId(), key);
        assertEquals("small", stored.getName());
        assertEquals(null, stored.getDescription());
    }

    private static RequestOptions key(String name) {
        return RequestOptions.builder().setApiKey("sk_test_" + name).build();
    }
}
