package dev.twin.recorder.redact;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentCardTest {
    @Test
    void cardNumbersAreFoundByLuhnAndLengthWithSpacesOrDashesInside() {
        assertTrue(PaymentCard.isNumber("4242424242424242"));
        assertTrue(PaymentCard.isNumber("4242 4242 4242 4242"));
        assertTrue(PaymentCard.isNumber("4242-4242-4242-4242"));
        assertTrue(PaymentCard.isNumber("378282246310005"), "15-digit Amex");
        assertTrue(PaymentCard.isNumber("6011111111111117"), "Discover");
        assertTrue(PaymentCard.isNumber("5555555555554444"), "Mastercard");
    }

    @Test
    void numbersThatAreNotCardsAreLeftAlone() {
        assertFalse(PaymentCard.isNumber("4242424242424241"), "fails Luhn");
        assertFalse(PaymentCard.isNumber("424242424242"), "12 digits");
        assertFalse(PaymentCard.isNumber("42424242424242424242"), "20 digits");
        assertFalse(PaymentCard.isNumber("1733456789012"), "epoch milliseconds start with 1");
        assertFalse(PaymentCard.isNumber("4242  4242 4242 4242"), "two separators in a row");
        assertFalse(PaymentCard.isNumber("card 4242424242424242"), "text around it");
        assertFalse(PaymentCard.isNumber(""));
    }

    @Test
    void aMaskedNumberKeepsLengthSeparatorsBrandAndLastFourAndStillPassesLuhn() {
        String masked = PaymentCard.maskNumber("4242 4242 4242 4242");

        assertTrue(masked.matches("4\\d00 0000 0000 4242"), masked);
        assertTrue(PaymentCard.isNumber(masked), masked);
        assertEquals(masked, PaymentCard.maskNumber(masked), "masking twice changes nothing");
        assertEquals("4000000000000002", PaymentCard.maskNumber("4000000000000002"), "a test card stays itself");
    }

    @Test
    void securityCodeAndExpiryNamesAreFoundInBracketedAndDottedNames() {
        assertTrue(PaymentCard.isSecurityCodeName("card[cvc]"));
        assertTrue(PaymentCard.isSecurityCodeName("CVV2"));
        assertTrue(PaymentCard.isSecurityCodeName("payment.card.security_code"));
        assertFalse(PaymentCard.isSecurityCodeName("card[number]"));
        assertTrue(PaymentCard.isExpiryName("card[exp_month]"));
        assertTrue(PaymentCard.isExpiryName("expiryYear"));
        assertFalse(PaymentCard.isExpiryName("expires_at"));
    }
}
