package dev.twin.replayer.internal.state;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialMemoTest {

    @Test
    void givesWhatTheWorkGivesAndWorksOncePerCredential() {
        AtomicInteger hashed = new AtomicInteger();
        CredentialMemo<String> keys = new CredentialMemo<>(credential -> {
            hashed.incrementAndGet();
            return TenantResolver.keyOf(credential);
        }, 8);

        String first = keys.get("sk_test_a");
        String again = keys.get("sk_test_a");

        assertEquals(TenantResolver.keyOf("sk_test_a"), first);
        assertEquals(first, again);
        assertEquals(TenantResolver.keyOf("sk_test_b"), keys.get("sk_test_b"));
        assertEquals(2, hashed.get());
    }

    @Test
    void staysBoundedAndStillAnswersRightWhenManyCredentialsArrive() {
        CredentialMemo<Boolean> live = new CredentialMemo<>(credential -> credential.matches("sk_live_.*"), 8);

        for (int i = 0; i < 100; i++) {
            String credential = (i % 2 == 0 ? "sk_live_" : "sk_test_") + i;
            assertEquals(i % 2 == 0, live.get(credential), credential);
            assertTrue(live.size() <= 8, "remembers " + live.size() + " credentials");
        }
        assertEquals(true, live.get("sk_live_4"), "a forgotten credential");
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new CredentialMemo<>(credential -> credential, 0));
    }
}
