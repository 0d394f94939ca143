package dev.twin.inference.resource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text looks made by a generator rather than typed by someone: a UUID, a ULID, or a run of 8+ letters and
 * digits (after an optional {@code word_} prefix) that mixes digits with letters or both cases
 * ({@code pm_uIiSulZ7kJHBQeuP7PBNf6qC}, never {@code pm_card_visa} or {@code requested_by_customer}). Such a value
 * seen once is evidence enough that it was minted: no constant and no coincidence reproduces it.
 */
final class MintedLook {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    private static final Pattern PREFIXED = Pattern.compile("(?:[A-Za-z][A-Za-z0-9]*_)*([A-Za-z0-9]{8,})");

    private MintedLook() {
    }

    static boolean of(String text) {
        if (text == null) {
            return false;
        }
        if (UUID.matcher(text).matches() || ULID.matcher(text).matches()) {
            return true;
        }
        Matcher m = PREFIXED.matcher(text);
        return m.matches() && mixed(m.group(1));
    }

    private static boolean mixed(String random) {
        boolean digit = random.chars().anyMatch(Character::isDigit);
        boolean lower = random.chars().anyMatch(Character::isLowerCase);
        boolean upper = random.chars().anyMatch(Character::isUpperCase);
        return (digit && (lower || upper)) || (random.length() >= 10 && caseChanges(random) >= 4);
    }

    /** A random draw of letters changes case often; a CamelCase word ({@code PaymentIntent}) does not. */
    private static int caseChanges(String text) {
        int changes = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i)) != Character.isUpperCase(text.charAt(i - 1))) {
                changes++;
            }
        }
        return changes;
    }
}
