package dev.twin.replayer.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a value a server mints, so two different values of one shape count as the same thing: ids
 * ({@code cus_} + 14 alphanumerics, UUIDs, {@code AC} + 32 hex), secrets built on an id
 * ({@code pi_..._secret_...}), revisions ({@code 2-2c92cc36…}, the write count kept) and timestamps (unix seconds or milliseconds, ISO date-times).
 *
 * <p>An id's shape keeps its literal words ({@code cus}, {@code secret}) and, for each random part, its charset
 * class and length: {@code cus_NffrFeUfNV2Hib} is {@code cus_<alnum14>}. A value is id-like only when at least one
 * part looks random (see {@link #isRandom}), so words such as {@code active} or {@code PaymentIntent} never are.
 */
final class ValueShape {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ID_CHARS = Pattern.compile("[A-Za-z0-9_]+");
    /** Twilio-style: a short upper-case prefix glued to lower-case hex ({@code SM} + 32 hex). */
    private static final Pattern GLUED_PREFIX = Pattern.compile("([A-Z]{1,4})([0-9a-f]{16,})");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern CAMEL_CASE = Pattern.compile("[A-Za-z][a-z]+([A-Z][a-z]+)*");
    /** A revision: the row's write count, a dash, a hash ({@code 2-2c92cc36…}); the count is part of the shape. */
    private static final Pattern REVISION = Pattern.compile("([1-9]\\d{0,8})-([0-9a-fA-F]{8,})");
    private static final int RANDOM_PART_MIN = 8;
    private static final long UNIX_SECONDS_MIN = 1_000_000_000L;   // 2001
    private static final long UNIX_SECONDS_MAX = 9_999_999_999L;   // 2286

    private ValueShape() {
    }

    /** The id shape of the value, or empty when it does not look minted. */
    static Optional<String> idShape(String value) {
        if (UUID.matcher(value).matches()) {
            return Optional.of("<uuid>");
        }
        var revision = REVISION.matcher(value);
        if (revision.matches()) {
            return Optional.of(revision.group(1) + "-<hex" + revision.group(2).length() + ">");
        }
        if (value.length() < RANDOM_PART_MIN || !ID_CHARS.matcher(value).matches()) {
            return Optional.empty();
        }
        StringBuilder shape = new StringBuilder();
        boolean random = false;
        for (String part : value.split("_", -1)) {
            if (shape.length() > 0) {
                shape.append('_');
            }
            var glued = GLUED_PREFIX.matcher(part);
            if (glued.matches()) {
                shape.append(glued.group(1)).append("<hex").append(glued.group(2).length()).append('>');
                random = true;
            } else if (part.isEmpty() || (WORD.matcher(part).matches() && !isRandom(part))) {
                shape.append(part);
            } else {
                shape.append('<').append(charset(part)).append(part.length()).append('>');
                random |= isRandom(part);
            }
        }
        return random ? Optional.of(shape.toString()) : Optional.empty();
    }

    /**
     * The shape the value would have if each long run of letters in it were random ({@code prod_OjwpxNqmrsZtaa}:
     * {@code prod_<alnum14>}, though it reads as camel case): one side of a comparison drew a random id with no digit
     * and few case changes, which is minted when the other side's value is a random id of that shape.
     */
    static Optional<String> shapeIfRandom(String value) {
        if (value.length() < RANDOM_PART_MIN || !ID_CHARS.matcher(value).matches()) {
            return Optional.empty();
        }
        StringBuilder shape = new StringBuilder();
        for (String part : value.split("_", -1)) {
            if (shape.length() > 0) {
                shape.append('_');
            }
            if (part.length() >= RANDOM_PART_MIN) {
                shape.append('<').append(charset(part)).append(part.length()).append('>');
            } else {
                shape.append(part);
            }
        }
        return Optional.of(shape.toString());
    }

    /**
     * 8 or more characters holding a digit, or mixing cases in a way words do not ({@code HbOKnTbsXRykck}, not
     * {@code PaymentIntent}): about 8% of random base62 ids of 14 characters hold no digit.
     */
    private static boolean isRandom(String part) {
        if (part.length() < RANDOM_PART_MIN) {
            return false;
        }
        if (part.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        boolean upper = part.chars().anyMatch(Character::isUpperCase);
        boolean lower = part.chars().anyMatch(Character::isLowerCase);
        // random letters change case about every other character (wzBsiboJvOhpUl reads as camel case too);
        // words in camel case change case once a word (PaymentMethodConfiguration: 5 in 26)
        int changes = 0;
        for (int i = 1; i < part.length(); i++) {
            if (Character.isUpperCase(part.charAt(i)) != Character.isUpperCase(part.charAt(i - 1))) {
                changes++;
            }
        }
        return upper && lower && (!CAMEL_CASE.matcher(part).matches() || changes * 10 >= part.length() * 4);
    }

    /** True when both values are timestamps of the same kind (unix seconds, unix millis, or ISO date-times). */
    static boolean sameTimestampKind(JsonNode recorded, JsonNode twin) {
        if (recorded.isIntegralNumber() && twin.isIntegralNumber()) {
            return unixKind(recorded.asLong()) != 0 && unixKind(recorded.asLong()) == unixKind(twin.asLong());
        }
        return recorded.isTextual() && twin.isTextual() && isDateTime(recorded.asText())
                && isDateTime(twin.asText());
    }

    /** 1 for unix seconds, 2 for unix milliseconds, 0 for neither. */
    private static int unixKind(long value) {
        if (value >= UNIX_SECONDS_MIN && value <= UNIX_SECONDS_MAX) {
            return 1;
        }
        if (value >= UNIX_SECONDS_MIN * 1000 && value <= UNIX_SECONDS_MAX * 1000) {
            return 2;
        }
        return 0;
    }

    private static boolean isDateTime(String text) {
        if (text.length() < 20 || text.charAt(10) != 'T') {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String charset(String part) {
        if (part.chars().allMatch(Character::isDigit)) {
            return "digits";
        }
        if (part.chars().allMatch(c -> Character.isDigit(c) || (c >= 'a' && c <= 'f'))) {
            return "hex";
        }
        return "alnum";
    }
}
