package dev.twin.inference.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes recorded values safe to ship in seed files and specs: emails move to example.com, phone numbers become
 * the test number +15005550006, card-like numbers the test card 4242424242424242, and secrets (redacted
 * fingerprints, API keys, tokens, client secrets, passwords) are replaced by a marker.
 */
public final class Scrubber {
    public static final String TEST_PHONE = "+15005550006";
    public static final String TEST_CARD = "4242424242424242";
    public static final String SCRUBBED = "scrubbed";
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9]\\d{7,14}$|^\\+\\d[\\d ()-]{8,18}\\d$");
    private static final Pattern PHONE_NAME = Pattern.compile("(?i).*(phone|mobile|fax)|to|from");
    private static final Pattern LOCAL_PHONE = Pattern.compile("^\\(?\\d[\\d ()-]{6,18}\\d$");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "redacted:|(?:sk|rk|pk)_(?:live|test)_|_secret_|^(?:Bearer|Basic) |^ey[A-Za-z0-9_-]{10,}\\.ey");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api_?key|authorization|cookie|credential).*");

    private Scrubber() {
    }

    /** A scrubbed deep copy. */
    public static JsonNode scrub(JsonNode node) {
        return scrub(null, node);
    }

    private static JsonNode scrub(String fieldName, JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), scrub(e.getKey(), e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(item -> out.add(scrub(fieldName, item)));
            return out;
        }
        if (node.isTextual()) {
            if (fieldName != null && SECRET_NAME.matcher(fieldName).matches() && !node.asText().isEmpty()) {
                return f.textNode(SCRUBBED);
            }
            if (fieldName != null && PHONE_NAME.matcher(fieldName).matches()
                    && LOCAL_PHONE.matcher(node.asText()).matches()) {
                return f.textNode(TEST_PHONE);
            }
            return f.textNode(scrubText(node.asText()));
        }
        if (node.isIntegralNumber() && CARD.matcher(node.asText()).matches() && cardLike(node.asText())) {
            return f.numberNode(Long.parseLong(TEST_CARD));
        }
        return node;
    }

    public static String scrubText(String text) {
        if (SECRET_VALUE.matcher(text).find()) {
            return SCRUBBED;
        }
        if (PHONE.matcher(text).matches()) {
            return TEST_PHONE;
        }
        Matcher card = CARD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (card.find()) {
            card.appendReplacement(out, cardLike(card.group()) ? TEST_CARD : Matcher.quoteReplacement(card.group()));
        }
        card.appendTail(out);
        Matcher email = EMAIL.matcher(out.toString());
        return email.replaceAll(m -> Matcher.quoteReplacement(m.group(1).toLowerCase(Locale.ROOT) + "@example.com"));
    }

    /** True for strings that may appear verbatim in a spec (enum values): nothing personal or secret. */
    public static boolean isSafeLiteral(String value) {
        return scrubText(value).equals(value) && !value.contains("@");
    }

    /**
     * A card number passes Luhn and starts as cards do (2-6: Mastercard, Visa, Amex, Discover, JCB, UnionPay);
     * a millisecond clock reading ({@code 1733456789012}) or other counter starting with 1, 7, 8, 9 or 0 is not one,
     * even when it happens to pass Luhn (one in ten do).
     */
    private static boolean cardLike(String digitsWithSeparators) {
        char first = digitsWithSeparators.charAt(0);
        return first >= '2' && first <= '6' && luhn(digitsWithSeparators);
    }

    private static boolean luhn(String digitsWithSeparators) {
        String digits = digitsWithSeparators.replaceAll("[^0-9]", "");
        int sum = 0;
        boolean alternate = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int n = digits.charAt(i) - '0';
            if (alternate) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            alternate = !alternate;
        }
        return sum % 10 == 0;
    }
}
