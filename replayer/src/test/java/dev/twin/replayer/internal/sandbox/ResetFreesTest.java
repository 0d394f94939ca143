package dev.twin.replayer.internal.sandbox;

import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code POST /__twin/reset} is a clean slate: rows, events and idempotency keys are gone from the API and from the
 * structures that held them; a tenant reset does the same for one tenant only. A key that only reads holds
 * nothing in the first place.
 */
class ResetFreesTest {
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
    void aFullResetLeavesNoTenantNoEventAndNoIdempotencyKeyBehind() throws Exception {
        twin = StripeSandbox.start(dir, "");
        RequestOptions a = idempotent("reset_a", "key-1");
        Customer first = Customer.create(CustomerCreateParams.builder().setName("Ada").build(), a);
        Customer.create(CustomerCreateParams.builder().setName("Bea").build(), key("reset_b"));

        assertEquals(200, twin.reset(""));

        assertEquals(0, twin.internals().tables().store().tenantCount());
        assertEquals(0, twin.internals().sandbox().events().tenantCount());
        assertEquals(0, twin.internals().tables().idempotency().size());
        assertEquals(0, Event.list(EventListParams.builder().build(), key("reset_a")).getData().size());
        Customer again = Customer.create(CustomerCreateParams.builder().setName("Ada").build(), a);
        assertNotEquals(first.getId(), again.getId(), "the key no longer replays the first answer");
    }

    @Test
    void aTenantResetEmptiesThatTenantsEventsAndKeysOnly() throws Exception {
        twin = StripeSandbox.start(dir, "");
        Customer.create(CustomerCreateParams.builder().setName("Ada").build(), idempotent("reset_c", "key-c"));
        Customer.create(CustomerCreateParams.builder().setName("Bea").build(), idempotent("reset_d", "key-d"));

        assertEquals(200, twin.reset("?tenant=sk_test_reset_c"));

        assertEquals(1, twin.internals().sandbox().events().tenantCount());
        assertEquals(1, twin.internals().tables().idempotency().size());
        assertEquals(0, Event.list(EventListParams.builder().build(), key("reset_c")).getData().size());
        assertEquals(1, Event.list(EventListParams.builder().build(), key("reset_d")).getData().size());
    }

    @Test
    void keysThatOnlyReadHoldNothing() throws Exception {
        twin = StripeSandbox.start(dir, "");
        Customer.create(CustomerCreateParams.builder().setName("Ada").build(), key("writer"));

        for (int i = 0; i < 200; i++) {
            Customer.list(com.stripe.param.CustomerListParams.builder().setLimit(3L).build(), key("reader_" + i));
            assertThrows(com.stripe.exception.InvalidRequestException.class,
                    () -> Customer.retrieve("cus_missing", key("refused")), "a 404 holds nothing either");
        }

        assertEquals(1, twin.internals().tables().store().tenantCount(), "only the key that wrote holds state");
        assertEquals(1, Customer.list(com.stripe.param.CustomerListParams.builder().build(), key("writer"))
                .getData().size());
    }

    private static RequestOptions key(String name) {
        return RequestOptions.builder().setApiKey("sk_test_" + name).build();
    }

    private static RequestOptions idempotent(String name, String idempotencyKey) {
        return RequestOptions.builder().setApiKey("sk_test_" + name).setIdempotencyKey(idempotencyKey).build();
    }
}
