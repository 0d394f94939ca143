package dev.twin.replayer.internal.response;

import java.util.Locale;

/**
 * The Prism-compatible {@code Prefer} header: {@code code=404}, {@code example=name}, {@code dynamic=true},
 * separated by commas or semicolons.
 *
 * @param code    the documented response to answer with, or null for the default choice
 * @param example the named example to answer with, or null
 * @param dynamic true for a freshly generated body (a new random seed per request)
 */
public record Prefer(Integer code, String example, boolean dynamic) {
    public static final Prefer NONE = new Prefer(null, null, false);

    /** Unknown or malformed preferences are ignored, as RFC 7240 asks. */
    public static Prefer parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Integer code = null;
        String example = null;
        boolean dynamic = false;
        for (String part : header.split("[,;]")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(part.substring(eq + 1).trim());
            switch (name) {
                case "code" -> {
                    try {
                        code = Integer.valueOf(value);
                    } catch (NumberFormatException ignored) {
                        // not a status code: ignore the preference
                    }
                }
                case "example" -> example = value;
                case "dynamic" -> dynamic = value.equalsIgnoreCase("true");
                default -> {
                }
            }
        }
        return new Prefer(code, example, dynamic);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
