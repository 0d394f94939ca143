package dev.twin.recorder.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises card data in recorded values and names, and masks it.
 *
 * <p>A card number (PAN) is a value of 13 to 19 digits, spaces or dashes allowed between them, that starts with 2–6
 * (the issuer ranges of Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay; 1 is left out so that epoch
 * milliseconds and most numeric ids are not taken for cards) and passes the Luhn check. It is masked rather than
 * hashed: a PAN has too few unknown digits for an unsalted hash to hide it (its hash is found by trying every
 * number of its issuer), so {@link #maskNumber} keeps the length, the separators, the first digit (the card brand)
 * and the last four, sets the others to 0 and fixes the second digit so that the result still passes Luhn. Stripe's
 * test cards {@code 4000 0000 0000 xxxx} therefore stay themselves, {@code 4242424242424242} becomes
 * {@code 4000000000004242}, and a masked number masks to itself.
 *
 * <p>Security codes (CVC, CVV, ...) and, next to a card number, expiry fields are replaced by a fixed marker for
 * the same reason: 1,000 codes or 12 months are no secret behind a hash.
 */
final class PaymentCard {
    static final String SECURITY_CODE_MARK = "redacted:cvc";
    static final String EXPIRY_MARK = "redacted:expiry";

    private static final Set<String> SECURITY_CODE_NAMES = Set.of("cvc", "cvv", "cvc2", "cvv2", "cvn", "csc",
            "securitycode", "cardcode", "cardsecuritycode", "cardverificationcode", "cardverificationvalue");
    private static final Set<String> EXPIRY_NAMES = Set.of("exp", "expmonth", "expyear", "expdate", "expiry",
            "expirymonth", "expiryyear", "expirydate", "expiration", "expirationmonth", "expirationyear",
            "expirationdate");

    private PaymentCard() {
    }

    /** True when the whole value (trimmed) is a card number as described above. */
    static boolean isNumber(String value) {
        String text = value.trim();
        int digits = 0;
        int sum = 0;
        boolean separatorBefore = false;
        if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1)) || text.charAt(0) < '2'
                || text.charAt(0) > '6') {
            return false;
        }
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                sum += luhnValue(c - '0', digits);
                digits++;
                separatorBefore = false;
            } else if ((c == ' ' || c == '-') && !separatorBefore) {
                separatorBefore = true;
            } else {
                return false;
            }
        }
        return digits >= 13 && digits <= 19 && sum % 10 == 0;
    }

    /** The masked form of a value {@link #isNumber} accepted (surrounding whitespace dropped). */
    static String maskNumber(String value) {
        char[] chars = value.trim().toCharArray();
        int[] positions = new int[chars.length];
        int count = 0;
        for (int i = 0; i < chars.length; i++) {
            if (Character.isDigit(chars[i])) {
                positions[count++] = i;
            }
        }
        for (int k = 1; k < count - 4; k++) {
            chars[positions[k]] = '0';
        }
        // The second digit (from the left) is the one free digit that makes the masked number pass Luhn.
        int sumWithoutSecond = 0;
        for (int k = 0; k < count; k++) {
            if (k != 1) {
                sumWithoutSecond += luhnValue(chars[positions[k]] - '0', count - 1 - k);
            }
        }
        for (int d = 0; d <= 9; d++) {
            if ((sumWithoutSecond + luhnValue(d, count - 2)) % 10 == 0) {
                chars[positions[1]] = (char) ('0' + d);
                break;
            }
        }
        return new String(chars);
    }

    /** A form or JSON field name for a card security code: {@code cvc}, {@code card[cvv]}, {@code security_code}. */
    static boolean isSecurityCodeName(String name) {
        return SECURITY_CODE_NAMES.contains(lastPart(name));
    }

    /** A field name for a card's expiry: {@code exp_month}, {@code card[exp_year]}, {@code expiryDate}. */
    static boolean isExpiryName(String name) {
        return EXPIRY_NAMES.contains(lastPart(name));
    }

    /** A marker already put in place of card data, so redacting twice changes nothing. */
    static boolean isMark(String value) {
        return value.equals(SECURITY_CODE_MARK) || value.equals(EXPIRY_MARK);
    }

    /** The last bracketed or dotted part of a name, lower case, without {@code _}, {@code -}: "card[exp_month]" → "expmonth". */
    private static String lastPart(String name) {
        String trimmed = name.endsWith("]") ? name.substring(0, name.length() - 1) : name;
        int start = Math.max(Math.max(trimmed.lastIndexOf('['), trimmed.lastIndexOf(']')), trimmed.lastIndexOf('.'));
        String part = trimmed.substring(start + 1).toLowerCase(Locale.ROOT);
        return part.replace("_", "").replace("-", "");
    }

    /** The digit's share of the Luhn sum, counting positions from the right starting at 0 (the check digit). */
    private static int luhnValue(int digit, int positionFromRight) {
        if (positionFromRight % 2 == 0) {
            return digit;
        }
        int doubled = digit * 2;
        return doubled > 9 ? doubled - 9 : doubled;
    }
}
