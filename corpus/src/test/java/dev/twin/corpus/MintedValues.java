package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values the twin minted where the real API minted others (ids, revisions, generated codes), twin value to
 * recorded value, and the rules for what may be one.
 *
 * <p>A candidate is an integer or digit string under a key named like an id ({@code id}, {@code postId},
 * {@code post_id}, {@code uuid}), or a string without spaces that holds a generated-looking token: a UUID, or a
 * run of letters and digits of 6 or more characters with a digit in it ({@code 00000000000000000006},
 * {@code cus_NffrFeUfNV2Hib}), or of 10 or more letters whose case changes at least 4 times (a random base62 id
 * that drew no digit, {@code cus_rKIGSrSduPMKNV}; not {@code PaymentIntent}). Date-times are never candidates (see
 * {@link ServerClock}). Two candidates have the same shape when they split into the same words and separators and
 * each differing token is digits in both, or letters and digits of the same length in both, generated-looking in
 * one at least (a random base62 id may draw no digit and few case changes: {@code cus_dmptuUsdxldesX}):
 * {@code /app/queue/00000000000000000006} and {@code /app/queue/7} do, {@code cus_X1} and {@code cux_X1} do not.
 */
final class MintedValues {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ALPHANUMERIC_RUN = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9]+|[^A-Za-z0-9]");

    private final Map<String, String> twinToRecorded = new LinkedHashMap<>();
    private final Map<String, String> recordedToTwin = new HashMap<>();

    /** True when a value under this key may have been minted by the server. */
    static boolean isCandidate(String key, JsonNode value) {
        if (value.isIntegralNumber()) {
            return isIdKey(key);
        }
        if (!value.isTextual()) {
            return false;
        }
        String text = value.asText();
        if (text.isEmpty() || text.length() > 200 || text.chars().anyMatch(Character::isWhitespace)
                || ServerClock.isDateTime(text)) {
            return false;
        }
        if (DIGITS.matcher(text).matches()) {
            return isIdKey(key);
        }
        if (UUID.matcher(text).find()) {
            return true;
        }
        Matcher runs = ALPHANUMERIC_RUN.matcher(text);
        while (runs.find()) {
            if (looksGenerated(runs.group())) {
                return true;
            }
        }
        return false;
    }

    /** 6+ letters and digits with a digit, or 10+ letters whose case changes 4 times or more (random, not a word). */
    static boolean looksGenerated(String token) {
        if (!ALPHANUMERIC_RUN.matcher(token).matches()) {
            return false;
        }
        if (token.length() >= 6 && token.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        int caseChanges = 0;
        for (int i = 1; i < token.length(); i++) {
            if (Character.isUpperCase(token.charAt(i)) != Character.isUpperCase(token.charAt(i - 1))) {
                caseChanges++;
            }
        }
        return token.length() >= 10 && caseChanges >= 4;
    }

    /** {@code id}, {@code uuid}, {@code postId}, {@code post_id}, {@code postIds}; not {@code paid}. */
    static boolean isIdKey(String key) {
        if (key == null) {
            return false;
        }
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("id") || lower.equals("uuid") || lower.equals("guid")
                || key.endsWith("Id") || key.endsWith("ID") || key.endsWith("Ids")
                || lower.endsWith("_id") || lower.endsWith("-id") || lower.endsWith("_ids");
    }

    static boolean sameShape(String recorded, String twin) {
        if (UUID.matcher(recorded).matches() && UUID.matcher(twin).matches()) {
            return true;
        }
        java.util.List<String> a = tokens(recorded);
        java.util.List<String> b = tokens(twin);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean sameToken = x.equals(y)
                    || DIGITS.matcher(x).matches() && DIGITS.matcher(y).matches()
                    || x.length() == y.length() && ALPHANUMERIC_RUN.matcher(x).matches()
                    && ALPHANUMERIC_RUN.matcher(y).matches() && (generatedOrHasDigit(x) || generatedOrHasDigit(y));
            if (!sameToken) {
                return false;
            }
        }
        return true;
    }

    private static boolean generatedOrHasDigit(String token) {
        return ALPHANUMERIC_RUN.matcher(token).matches()
                && (token.chars().anyMatch(Character::isDigit) || looksGenerated(token));
    }

    boolean isTwinValueMapped(String twin) {
        return twinToRecorded.containsKey(twin);
    }

    /** The twin value that already stands for this recorded value, or null. */
    String twinValueFor(String recorded) {
        return recordedToTwin.get(recorded);
    }

    void map(String twin, String recorded) {
        twinToRecorded.put(twin, recorded);
        recordedToTwin.put(recorded, twin);
    }

    /** The twin's value in the recording's terms: the recorded value it stands for, of the twin value's JSON type. */
    JsonNode toRecorded(JsonNode twin) {
        String recorded = twinToRecorded.get(twin.asText());
        if (recorded == null) {
            return twin;
        }
        if (twin.isIntegralNumber() && DIGITS.matcher(recorded).matches()) {
            return LongNode.valueOf(Long.parseLong(recorded));
        }
        return TextNode.valueOf(recorded);
    }

    /**
     * Text of the twin's run (a path, a header, a string) in the recording's terms: each minted string replaced
     * where it stands as a whole token; a minted number only as a whole path segment ({@code /posts/7}), never
     * inside other text ({@code _limit=7} is the client's).
     */
    String rewrite(String text) {
        // all occurrences found in the original text, then replaced at once: 3->4 and 4->5 must not chain
        java.util.TreeMap<Integer, int[]> spans = new java.util.TreeMap<>();
        java.util.Map<Integer, String> replacements = new HashMap<>();
        for (Map.Entry<String, String> mint : twinToRecorded.entrySet()) {
            String twin = mint.getKey();
            if (twin.equals(mint.getValue())) {
                continue;
            }
            Matcher matcher = occurrence(twin).matcher(text);
            while (matcher.find()) {
                java.util.Map.Entry<Integer, int[]> before = spans.floorEntry(matcher.start());
                if ((before == null || before.getValue()[1] <= matcher.start()) && !spans.containsKey(matcher.start())) {
                    spans.put(matcher.start(), new int[] {matcher.start(), matcher.end()});
                    replacements.put(matcher.start(), mint.getValue());
                }
            }
        }
        StringBuilder result = new StringBuilder();
        int at = 0;
        for (int[] span : spans.values()) {
            if (span[0] < at) {
                continue;
            }
            result.append(text, at, span[0]).append(replacements.get(span[0]));
            at = span[1];
        }
        return result.append(text.substring(at)).toString();
    }

    private static Pattern occurrence(String twin) {
        if (DIGITS.matcher(twin).matches()) {
            return Pattern.compile("(?<=/)" + twin + "(?=$|[/?#;,>\"&\\s])");
        }
        return Pattern.compile((isWordChar(twin.charAt(0)) ? "(?<![A-Za-z0-9_])" : "") + Pattern.quote(twin)
                + (isWordChar(twin.charAt(twin.length() - 1)) ? "(?![A-Za-z0-9_])" : ""));
    }

    Map<String, String> twinToRecorded() {
        return Collections.unmodifiableMap(twinToRecorded);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static java.util.List<String> tokens(String text) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
