package dev.twin.replayer.state;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantKeyCacheTest {

    @Test
    void givesTheSameKeyAsHashingTheCredential() {
        TenantKeyCache cache = new TenantKeyCache(8);

        String first = cache.keyOf("sk_test_a");
        String again = cache.keyOf("sk_test_a");

        assertEquals(TenantResolver.keyOf("sk_test_a"), first);
        assertEquals(first, again);
        assertEquals(TenantResolver.keyOf("sk_test_b"), cache.keyOf("sk_test_b"));
    }

    @Test
    void staysBoundedAndStillAnswersRightWhenManyCredentialsArrive() {
        TenantKeyCache cache = new TenantKeyCache(8);

        for (int i = 0; i < 100; i++) {
            String credential = "sk_test_" + i;
            assertEquals(TenantResolver.keyOf(credential), cache.keyOf(credential));
            assertTrue(cache.size() <= 8, "remembers " + cache.size() + " credentials");
        }
        assertEquals(TenantResolver.keyOf("sk_test_3"), cache.keyOf("sk_test_3"), "a forgotten credential");
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new TenantKeyCache(0));
    }
}
