package dev.twin.inference.resource;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a table's ids look, so that the twin mints new ones in the same shape.
 *
 * @param strategy  prefix | pattern | uuid | ulid | sequence (twin.yaml's idStrategy)
 * @param prefix    prefix strategy: "cus_"
 * @param length    prefix strategy: length of the random part
 * @param alphabet  prefix strategy: base62, lowerhex, upperhex, digits, lower, upper
 * @param pattern   pattern strategy: "SM[0-9a-f]{32}"
 * @param evidence  a sentence for the report
 */
public record IdShape(String strategy, String prefix, int length, String alphabet, String pattern, String evidence) {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    private static final Pattern INTEGER = Pattern.compile("[1-9]\\d{0,17}|0");
    private static final Pattern SID = Pattern.compile("([A-Z]{2})([0-9a-f]{32})");
    private static final Pattern PREFIXED = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_)([A-Za-z0-9]+)");

    public static IdShape of(Collection<String> ids) {
        int n = ids.size();
        if (n == 0) {
            return new IdShape("uuid", null, 0, null, null, "no ids seen: uuid by default");
        }
        if (ids.stream().allMatch(id -> UUID.matcher(id).matches())) {
            return new IdShape("uuid", null, 0, null, null, n + " of " + n + " ids are UUIDs");
        }
        if (ids.stream().allMatch(id -> INTEGER.matcher(id).matches())) {
            return new IdShape("sequence", null, 0, null, null, n + " of " + n + " ids are integers");
        }
        if (ids.stream().allMatch(id -> ULID.matcher(id).matches())) {
            return new IdShape("ulid", null, 0, null, null, n + " of " + n + " ids are ULIDs");
        }
        String sidPrefix = common(ids, SID);
        if (sidPrefix != null) {
            return new IdShape("pattern", null, 0, null, sidPrefix + "[0-9a-f]{32}", null)
                    .withEvidence(n + " of " + n + " ids are '" + sidPrefix + "' + 32 lower-case hex (Twilio SID)");
        }
        String prefix = common(ids, PREFIXED);
        if (prefix != null) {
            TreeMap<Integer, Integer> lengths = new TreeMap<>();
            StringBuilder chars = new StringBuilder();
            for (String id : ids) {
                String rest = id.substring(prefix.length());
                lengths.merge(rest.length(), 1, Integer::sum);
                chars.append(rest);
            }
            int length = lengths.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String alphabet = alphabet(chars.toString());
            return new IdShape("prefix", prefix, length, alphabet, null,
                    n + " of " + n + " ids are '" + prefix + "' + " + length + " " + alphabet + " characters");
        }
        StringBuilder chars = new StringBuilder();
        TreeMap<Integer, Integer> lengths = new TreeMap<>();
        for (String id : ids) {
            chars.append(id);
            lengths.merge(id.length(), 1, Integer::sum);
        }
        if (lengths.size() == 1 && chars.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128)) {
            int length = lengths.firstKey();
            String alphabet = alphabet(chars.toString());
            return new IdShape("prefix", "", length, alphabet, null,
                    n + " ids of " + length + " " + alphabet + " characters, no common prefix");
        }
        return new IdShape("uuid", null, 0, null, null,
                n + " ids with no common shape: new ids will be UUIDs (low confidence)");
    }

    private IdShape withEvidence(String text) {
        return new IdShape(strategy, prefix, length, alphabet, pattern, text);
    }

    /** The first group every id shares under the pattern, or null. */
    private static String common(Collection<String> ids, Pattern pattern) {
        String shared = null;
        for (String id : ids) {
            Matcher m = pattern.matcher(id);
            if (!m.matches()) {
                return null;
            }
            if (shared == null) {
                shared = m.group(1);
            } else if (!shared.equals(m.group(1))) {
                return null;
            }
        }
        return shared;
    }

    static String alphabet(String chars) {
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        boolean hexLower = true;
        boolean hexUpper = true;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            digit |= Character.isDigit(c);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            hexLower &= Character.isDigit(c) || (c >= 'a' && c <= 'f');
            hexUpper &= Character.isDigit(c) || (c >= 'A' && c <= 'F');
        }
        if (digit && !lower && !upper) {
            return "digits";
        }
        if (lower && upper || chars.length() < 16) {
            return "base62";
        }
        if (hexLower && digit) {
            return "lowerhex";
        }
        if (hexUpper && digit) {
            return "upperhex";
        }
        if (!digit && lower && !upper) {
            return "lower";
        }
        if (!digit && upper && !lower) {
            return "upper";
        }
        return "base62";
    }
}
