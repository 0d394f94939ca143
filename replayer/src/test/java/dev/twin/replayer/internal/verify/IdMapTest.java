package dev.twin.replayer.internal.verify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdMapTest {
    @Test
    void givenALearnedId_whenAPathQueryOrBodyUsesIt_thenItIsRewritten() {
        IdMap ids = new IdMap();
        ids.learn("cus_NffrFeUfNV2Hib", "cus_Twin0000000001");

        assertEquals("/v1/customers/cus_Twin0000000001/sources", ids.rewrite("/v1/customers/cus_NffrFeUfNV2Hib/sources"));
        assertEquals("customer=cus_Twin0000000001&limit=3", ids.rewrite("customer=cus_NffrFeUfNV2Hib&limit=3"));
        assertEquals("{\"customer\":\"cus_Twin0000000001\"}", ids.rewrite("{\"customer\":\"cus_NffrFeUfNV2Hib\"}"));
    }

    @Test
    void givenALearnedId_whenALongerIdMerelyStartsWithIt_thenThatIdStays() {
        IdMap ids = new IdMap();
        ids.learn("cus_NffrFeUfNV2Hib", "cus_Twin0000000001");

        assertEquals("cus_NffrFeUfNV2HibX", ids.rewrite("cus_NffrFeUfNV2HibX"));
    }

    @Test
    void givenALearnedId_whenASecretIsBuiltOnIt_thenTheIdPartIsRewritten() {
        IdMap ids = new IdMap();
        ids.learn("pi_3MtwBwLkdIwHu7ix28a3tqPa", "pi_Twin00000000000000000001");

        assertEquals("pi_Twin00000000000000000001_secret_abc",
                ids.rewrite("pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_abc"));
    }

    @Test
    void givenARecordedIdAlreadyMapped_whenTheTwinAnswersAnotherValue_thenLearningRefuses() {
        IdMap ids = new IdMap();
        assertTrue(ids.learn("cus_A0000000000001", "cus_X0000000000001"));

        assertTrue(ids.learn("cus_A0000000000001", "cus_X0000000000001"));
        assertFalse(ids.learn("cus_A0000000000001", "cus_Y0000000000001"));
        assertFalse(ids.learn("cus_B0000000000001", "cus_X0000000000001"));
        assertEquals(1, ids.size());
    }

    @Test
    void givenALearnedNumericId_whenRewriting_thenOnlyWholePathSegmentsAndQueryValuesChange() {
        IdMap ids = new IdMap();
        ids.learnNumber("10", "1");

        assertEquals("/v2/pets/1/photos/10x", ids.rewritePath("/v2/pets/1/photos/10x"));
        assertEquals("/v2/pets/1", ids.rewritePath("/v2/pets/10"));
        assertEquals("petId=1&limit=1", ids.rewriteQuery("petId=10&limit=1"));
        assertEquals("{\"limit\":10}", ids.rewrite("{\"limit\":10}"));
    }
}
