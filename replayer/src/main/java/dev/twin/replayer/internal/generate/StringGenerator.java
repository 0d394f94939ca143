package dev.twin.replayer.internal.generate;

import io.swagger.v3.oas.models.media.Schema;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** Strings honouring format, pattern and length bounds, realistic by property name where the schema allows. */
final class StringGenerator {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private StringGenerator() {
    }

    /**
     * @param propertyName the property (or parameter) the value is for; null for array items of unnamed things
     * @param idKind       when non-null the string is an object id of this kind (Stripe expandable fields)
     */
    static String generate(Schema<?> schema, String propertyName, String idKind, Random random) {
        int minLength = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int maxLength = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
        String pattern = schema.getPattern();
        String format = schema.getFormat();

        if (idKind == null && format == null && pattern == null) {
            idKind = StripeIds.kindReferencedBy(propertyName);
        }
        String candidate = idKind != null ? StripeIds.id(idKind, random) : formatted(format, random);
        if (candidate == null) {
            candidate = ValueFaker.text(propertyName, random);
        }
        if (candidate == null) {
            candidate = "id".equals(propertyName) ? StripeIds.id(null, random) : ValueFaker.word(random);
        }
        if (pattern != null && !fits(candidate, pattern, minLength, maxLength)) {
            String filled = PatternFiller.fill(pattern, minLength, maxLength, random);
            if (filled != null) {
                return filled;
            }
        }
        return fitLength(candidate, minLength, maxLength, random);
    }

    private static boolean fits(String value, String pattern, int minLength, int maxLength) {
        int length = value.codePointCount(0, value.length());
        return length >= minLength && length <= maxLength && PatternFiller.matches(pattern, value);
    }

    private static String fitLength(String value, int minLength, int maxLength, Random random) {
        String fitted = value;
        if (fitted.length() > maxLength) {
            fitted = fitted.substring(0, maxLength).stripTrailing();
        }
        if (fitted.length() < minLength) {
            StringBuilder padded = new StringBuilder(fitted);
            while (padded.length() < minLength) {
                padded.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            fitted = padded.toString();
        }
        return fitted;
    }

    /** A value for a known format; null for no format or one this generator does not know. */
    private static String formatted(String format, Random random) {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case "date-time" -> ValueFaker.instant(random).toString();
            case "date" -> ValueFaker.instant(random).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            case "time" -> TIME.format(ValueFaker.instant(random));
            case "date-time-rfc-2822" -> RFC_2822.format(ValueFaker.instant(random));
            case "email", "idn-email" -> ValueFaker.text("email", random);
            case "uuid" -> uuid(random);
            case "uri", "url", "iri", "uri-reference", "iri-reference" -> ValueFaker.text("url", random);
            case "hostname", "idn-hostname" -> ValueFaker.text("hostname", random);
            case "ipv4" -> ValueFaker.text("ip", random);
            case "ipv6" -> ipv6(random);
            case "byte" -> base64(random);
            case "binary" -> ValueFaker.word(random);
            case "password" -> ValueFaker.text("password", random);
            case "phone", "phone-number" -> ValueFaker.text("phone", random);
            case "iso-country-code" -> ValueFaker.text("country", random);
            case "http-method" -> random.nextBoolean() ? "POST" : "GET";
            case "currency" -> ValueFaker.text("currency", random).toUpperCase(Locale.ROOT);
            case "decimal" -> (random.nextInt(9999) + 1) / 100 + "." + String.format("%02d", random.nextInt(100));
            case "int32", "int64" -> Integer.toString(random.nextInt(1000));
            case "unix-time" -> Long.toString(ValueFaker.timestamp(random));
            default -> null;
        };
    }

    private static String uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private static String ipv6(Random random) {
        StringBuilder address = new StringBuilder(39);
        for (int group = 0; group < 8; group++) {
            if (group > 0) {
                address.append(':');
            }
            address.append(Integer.toHexString(random.nextInt(0x10000)));
        }
        return address.toString();
    }

    private static String base64(Random random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
