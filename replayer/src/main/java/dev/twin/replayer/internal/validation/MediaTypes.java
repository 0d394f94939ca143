package dev.twin.replayer.internal.validation;

import java.util.Locale;

/** Media type strings as compared: lower case, without parameters such as {@code charset}. */
final class MediaTypes {
    private MediaTypes() {
    }

    /** {@code application/json} for {@code Application/JSON; charset=utf-8}; null for null or blank. */
    static String essence(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return essence.isEmpty() ? null : essence.toLowerCase(Locale.ROOT);
    }

    /** Whether a declared range such as {@code application/*} or {@code *}{@code /*} covers {@code actual}. */
    static boolean covers(String declared, String actual) {
        if (declared.equals(actual) || declared.equals("*/*")) {
            return true;
        }
        if (declared.endsWith("/*")) {
            return actual.startsWith(declared.substring(0, declared.length() - 1));
        }
        return false;
    }
}
