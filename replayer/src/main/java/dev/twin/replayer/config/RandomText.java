package dev.twin.replayer.config;

import com.github.jknack.handlebars.Helper;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code {{random 24}}}: fresh random characters in a template, for values a server generates on create (the
 * secret part of Stripe's {@code pi_..._secret_...}, a 7-character code). Base62 by default;
 * {@code {{random 8 "digits"}}}, {@code "lowerhex"}, {@code "upperhex"}, {@code "lower"} and {@code "upper"} narrow it.
 */
public final class RandomText {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int MAX_LENGTH = 256;

    /** Registered as {@code random} wherever twin.yaml templates are checked or rendered. */
    public static final Helper<Object> HELPER = (length, options) -> {
        int n = length instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(length));
        if (n < 1 || n > MAX_LENGTH) {
            throw new IllegalArgumentException("random: length must be 1-" + MAX_LENGTH + ", got " + n);
        }
        String alphabet = alphabet(options.params.length > 0 ? String.valueOf(options.params[0]) : "base62");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(out);
    };

    private static final java.util.regex.Pattern USE = java.util.regex.Pattern.compile(
            "\\{\\{\\s*random\\s+(\\S+)(?:\\s+\"([^\"]*)\")?\\s*}}");

    private RandomText() {
    }

    /** What is wrong with a template's {@code {{random …}}} uses (a length or alphabet), or null: checked at load. */
    static String problem(String template) {
        java.util.regex.Matcher use = USE.matcher(template);
        while (use.find()) {
            int length;
            try {
                length = Integer.parseInt(use.group(1));
            } catch (NumberFormatException e) {
                return "random: the length must be a whole number, got '" + use.group(1) + "' in \"" + template + "\"";
            }
            if (length < 1 || length > MAX_LENGTH) {
                return "random: length must be 1-" + MAX_LENGTH + ", got " + length + " in \"" + template + "\"";
            }
            if (use.group(2) != null) {
                try {
                    alphabet(use.group(2));
                } catch (IllegalArgumentException e) {
                    return e.getMessage() + " in \"" + template + "\"";
                }
            }
        }
        return null;
    }

    private static String alphabet(String name) {
        return switch (name) {
            case "digits" -> "0123456789";
            case "lowerhex" -> "0123456789abcdef";
            case "upperhex" -> "0123456789ABCDEF";
            case "lower" -> "abcdefghijklmnopqrstuvwxyz";
            case "upper" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            case "base62" -> BASE62;
            default -> throw new IllegalArgumentException("random: unknown alphabet '" + name
                    + "', expected base62, digits, lowerhex, upperhex, lower or upper");
        };
    }
}
