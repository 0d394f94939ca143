package dev.twin.replayer.internal.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueShapeTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void givenTwoStripeCustomerIds_whenShaped_thenTheyShareThePrefixAndRandomPartShape() {
        assertEquals(Optional.of("cus_<alnum14>"), ValueShape.idShape("cus_NffrFeUfNV2Hib"));
        assertEquals(ValueShape.idShape("cus_NffrFeUfNV2Hib"), ValueShape.idShape("cus_Og7sKq2LmZpA9x"));
    }

    @Test
    void givenAnotherPrefixOrLength_whenShaped_thenTheShapesDiffer() {
        assertFalse(ValueShape.idShape("cus_NffrFeUfNV2Hib").equals(ValueShape.idShape("cux_NffrFeUfNV2Hib")));
        assertFalse(ValueShape.idShape("cus_NffrFeUfNV2Hib").equals(ValueShape.idShape("cus_NffrFeUfNV2Hib12")));
    }

    @Test
    void givenUuidsTwilioSidsAndSecrets_whenShaped_thenEachHasItsKind() {
        assertEquals(Optional.of("<uuid>"), ValueShape.idShape("f0424009-aefa-4029-aca6-6aea11198e88"));
        assertEquals(Optional.of("SM<hex32>"), ValueShape.idShape("SM0123456789abcdef0123456789abcdef"));
        assertEquals(Optional.of("pi_<alnum24>_secret_<alnum25>"),
                ValueShape.idShape("pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH"));
    }

    @Test
    void givenARandomIdWithoutADigit_whenShaped_thenItIsStillAnId() {
        assertEquals(Optional.of("map_<alnum14>"), ValueShape.idShape("map_HbOKnTbsXRykck"));
        // reads as camel case (wz, Bsibo, Jv, Ohp, Ul), but changes case every other letter
        assertEquals(Optional.of("cus_<alnum14>"), ValueShape.idShape("cus_wzBsiboJvOhpUl"));
    }

    @Test
    void givenWordsAndShortValues_whenShaped_thenTheyAreNotIds() {
        assertEquals(Optional.empty(), ValueShape.idShape("customer"));
        assertEquals(Optional.empty(), ValueShape.idShape("requires_payment_method"));
        assertEquals(Optional.empty(), ValueShape.idShape("Jenny Rosen"));
        assertEquals(Optional.empty(), ValueShape.idShape("ab12"));
        assertEquals(Optional.empty(), ValueShape.idShape("PaymentIntent"));
        assertEquals(Optional.empty(), ValueShape.idShape("paymentIntentId"));
        assertEquals(Optional.empty(), ValueShape.idShape("PaymentMethodConfiguration"));
    }

    @Test
    void givenTimestampsOfTheSameKind_whenCompared_thenTheyMatch() {
        assertTrue(ValueShape.sameTimestampKind(NODES.numberNode(1_700_000_000L), NODES.numberNode(1_790_000_123L)));
        assertTrue(ValueShape.sameTimestampKind(NODES.textNode("2026-11-23T17:05:45.809625595Z"),
                NODES.textNode("2027-01-01T00:00:00Z")));
        assertFalse(ValueShape.sameTimestampKind(NODES.numberNode(1_700_000_000L),
                NODES.numberNode(1_700_000_000_000L)));
        assertFalse(ValueShape.sameTimestampKind(NODES.numberNode(3), NODES.numberNode(4)));
        assertFalse(ValueShape.sameTimestampKind(NODES.textNode("2026-11-23"), NODES.textNode("2026-11-24")));
    }
}
