package dev.twin.replayer.internal.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationGlobTest {
    @Test
    void givenStarsAndQuestionMarks_whenMatched_thenTheyStandForRunsAndSingleCharacters() {
        assertTrue(OperationGlob.of("stripe.*").matches("stripe.PostCustomers"));
        assertTrue(OperationGlob.of("*.Post*").matches("stripe.PostCustomers"));
        assertTrue(OperationGlob.of("stripe.GetCustomers?ustomer").matches("stripe.GetCustomersCustomer"));
        assertTrue(OperationGlob.of("*").matches(""));
        assertFalse(OperationGlob.of("stripe.Get*").matches("stripe.PostCustomers"));
        assertFalse(OperationGlob.of("stripe.?").matches("stripe."));
        assertTrue(OperationGlob.of("a*b*c").matches("axxbyyc"));
        assertFalse(OperationGlob.of("a*b*c").matches("axxbyy"));
    }

    @Test
    void givenRegexCharacters_whenMatched_thenTheyAreLiteral() {
        assertTrue(OperationGlob.of("api.(x)+[y]").matches("api.(x)+[y]"));
        assertFalse(OperationGlob.of("api.a.c").matches("api.abc"));
    }

    @Test
    void givenAGlobThatMadeTheRegexBacktrack_whenMatchedAgainstLongIds_thenItAnswersAtOnce() {
        // 6 stars once took 24 s against an operation id; 100 stars kept a core busy for minutes
        OperationGlob glob = OperationGlob.of("*".repeat(100) + "x");
        String id = "stripe." + "GetCustomersCustomerPaymentMethods".repeat(6);
        for (int i = 0; i < 1_000; i++) {
            assertFalse(glob.matches(id + i));
        }
        assertTrue(glob.matches(id + "x"));
        assertFalse(OperationGlob.of("*a*a*a*a*a*a*a*b").matches("a".repeat(200)));
    }
}
