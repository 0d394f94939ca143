package dev.twin.replayer.config;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The functions twin.yaml expressions call as {@code fn:name(...)}: what a state machine computes that JEXL's
 * operators do not (a total over a list, a date a month later, a digest that stays the same for the same input).
 * Each is null-safe and bounded by the size of its arguments; none reads state, the clock or the network.
 */
public final class ExpressionFunctions {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int MAX_PAD = 64;

    private ExpressionFunctions() {
    }

    /**
     * {@code length} base62 characters (at most 43) of the SHA-256 of the value's text: the same text always
     * gives the same digest (Stripe's card {@code fingerprint}, stable per card number). Null for null.
     */
    public static String hash(Object value, Object length) {
        if (value == null) {
            return null;
        }
        int wanted = Math.max(1, Math.min(43, intOf(length, 16)));
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        java.math.BigInteger number = new java.math.BigInteger(1, digest);
        StringBuilder text = new StringBuilder(wanted);
        java.math.BigInteger base = java.math.BigInteger.valueOf(62);
        while (text.length() < wanted) {
            java.math.BigInteger[] division = number.divideAndRemainder(base);
            text.append(BASE62.charAt(division[1].intValue()));
            number = division[0];
        }
        return text.toString();
    }

    /**
     * A unix time (seconds) moved by {@code count} units of {@code unit} ({@code day}, {@code week}, {@code month},
     * {@code year}) in UTC, as billing periods move: a month after January 31 is the last day of February.
     */
    public static Long addInterval(Object unixSeconds, Object unit, Object count) {
        if (unixSeconds == null || unit == null) {
            return null;
        }
        long seconds = longOf(unixSeconds);
        long n = longOf(count == null ? 1 : count);
        ZonedDateTime start = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        ZonedDateTime end = switch (String.valueOf(unit).toLowerCase(Locale.ROOT)) {
            case "day" -> start.plusDays(n);
            case "week" -> start.plusWeeks(n);
            case "month" -> start.plusMonths(n);
            case "year" -> start.plusYears(n);
            case "hour" -> start.plusHours(n);
            case "minute" -> start.plusMinutes(n);
            default -> throw new IllegalArgumentException("unknown interval '" + unit
                    + "' (day, week, month, year, hour, minute)");
        };
        return end.toEpochSecond();
    }

    /** The sum of the numbers in a list. */
    public static Number sum(Object values) {
        return sum(values, null);
    }

    /** The sum of {@code field} of each map in a list (absent and null count 0); whole numbers stay whole. */
    public static Number sum(Object list, String field) {
        long whole = 0;
        BigDecimal exact = null;
        for (Object item : items(list)) {
            Object value = field == null ? item : item instanceof Map<?, ?> map ? map.get(field) : null;
            if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte) {
                whole = Math.addExact(whole, ((Number) value).longValue());
            } else if (value instanceof Number number) {
                exact = (exact == null ? BigDecimal.ZERO : exact).add(new BigDecimal(number.toString()));
            } else if (value instanceof String text && !text.isBlank()) {
                exact = (exact == null ? BigDecimal.ZERO : exact).add(new BigDecimal(text.trim()));
            }
        }
        return exact == null ? (Number) whole : exact.add(BigDecimal.valueOf(whole));
    }

    /** The value of {@code field} of each map in a list, in order. */
    public static List<Object> pluck(Object list, String field) {
        List<Object> values = new ArrayList<>();
        for (Object item : items(list)) {
            values.add(item instanceof Map<?, ?> map ? map.get(field) : null);
        }
        return values;
    }

    /** The first map of a list whose {@code field} has {@code value}'s text, or null. */
    public static Object find(Object list, String field, Object value) {
        if (value == null) {
            return null;
        }
        String wanted = String.valueOf(value);
        for (Object item : items(list)) {
            if (item instanceof Map<?, ?> map && map.get(field) != null
                    && wanted.equals(String.valueOf(map.get(field)))) {
                return item;
            }
        }
        return null;
    }

    /** The maps of a list whose {@code field} has {@code value}'s text. */
    public static List<Object> filter(Object list, String field, Object value) {
        List<Object> kept = new ArrayList<>();
        String wanted = value == null ? null : String.valueOf(value);
        for (Object item : items(list)) {
            Object own = item instanceof Map<?, ?> map ? map.get(field) : null;
            if (Objects.equals(wanted, own == null ? null : String.valueOf(own))) {
                kept.add(item);
            }
        }
        return kept;
    }

    /** Whether a list holds the value (compared as text), or a text contains it. */
    public static boolean includes(Object container, Object value) {
        if (isList(container)) {
            String wanted = String.valueOf(value);
            for (Object item : items(container)) {
                if (Objects.equals(item, value) || item != null && wanted.equals(String.valueOf(item))) {
                    return true;
                }
            }
            return false;
        }
        return container instanceof String text && value != null && text.contains(String.valueOf(value));
    }

    /** A new map: {@code base}'s entries, then {@code extra}'s on top. */
    public static Map<String, Object> merge(Map<?, ?> base, Map<?, ?> extra) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (base != null) {
            base.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        if (extra != null) {
            extra.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        return merged;
    }

    /** A new map: {@code map}'s entries without the named keys (one name, or a list of names). */
    public static Map<String, Object> omit(Map<?, ?> map, Object keys) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (map != null) {
            Collection<?> names = isList(keys) ? items(keys) : List.of(String.valueOf(keys));
            map.forEach((key, value) -> {
                if (!includes(names, key)) {
                    kept.put(String.valueOf(key), value);
                }
            });
        }
        return kept;
    }

    /** A new list: the elements of each list in turn (a null list adds nothing, any other value is one element). */
    public static List<Object> concat(Object first, Object second) {
        List<Object> all = new ArrayList<>();
        for (Object part : new Object[] {first, second}) {
            if (isList(part)) {
                all.addAll(items(part));
            } else if (part != null) {
                all.add(part);
            }
        }
        return all;
    }

    /** A whole number as text, zero-padded to {@code width} digits ({@code fn:pad(7, 4)} is {@code 0007}). */
    public static String pad(Object number, Object width) {
        if (number == null) {
            return null;
        }
        String digits = String.valueOf(longOf(number));
        int wanted = Math.min(MAX_PAD, intOf(width, 0));
        return digits.length() >= wanted ? digits : "0".repeat(wanted - digits.length()) + digits;
    }

    /** Whether the value is a list: a collection, or an array (JEXL's {@code [1, 2]} is an {@code int[]}). */
    private static boolean isList(Object value) {
        return value instanceof Collection<?> || value != null && value.getClass().isArray();
    }

    /** A list, an array (JEXL's {@code [a, b]}) or null as a collection. */
    private static Collection<?> items(Object list) {
        if (list == null) {
            return List.of();
        }
        if (list instanceof Collection<?> collection) {
            return collection;
        }
        if (list instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        if (list.getClass().isArray()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(list); i++) {
                values.add(java.lang.reflect.Array.get(list, i));
            }
            return values;
        }
        throw new IllegalArgumentException("expected a list, got " + list);
    }

    private static int intOf(Object value, int fallback) {
        return value == null ? fallback : (int) longOf(value);
    }

    private static long longOf(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return new BigDecimal(String.valueOf(value).trim()).longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + value + "'");
        }
    }
}
