package dev.twin.proxy;

import java.util.Locale;

/** Request-target helpers: absolute-form ({@code http://host/path}) versus origin-form ({@code /path}). */
public final class RequestUris {
    private RequestUris() {
    }

    public static boolean isAbsolute(String uri) {
        String lower = uri.length() > 8 ? uri.substring(0, 8).toLowerCase(Locale.ROOT) : uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The path and query of a request-target, dropping scheme and authority of the absolute form. */
    public static String originForm(String uri) {
        if (!isAbsolute(uri)) {
            return uri.isEmpty() ? "/" : uri;
        }
        int authorityStart = uri.indexOf("//") + 2;
        int pathStart = indexOfAny(uri, authorityStart, '/', '?');
        if (pathStart < 0) {
            return "/";
        }
        return uri.charAt(pathStart) == '?' ? "/" + uri.substring(pathStart) : uri.substring(pathStart);
    }

    private static int indexOfAny(String text, int from, char first, char second) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == first || c == second) {
                return i;
            }
        }
        return -1;
    }
}
