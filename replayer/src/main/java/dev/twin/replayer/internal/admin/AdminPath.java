package dev.twin.replayer.internal.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Decides whether a request path is an admin path, after the canonical decoding a proxy or another server might
 * apply (percent-decoding, {@code //} collapsed, {@code .} and {@code ..} resolved, letters of the prefix in any
 * case). A path is admin only when it is written plainly ({@code /__twin/...}); one that becomes admin only
 * after decoding ({@code /%5f%5ftwin/state}, {@code /__twin%2fstate}, {@code //__twin/state},
 * {@code /v1/../__twin/state}, {@code /__TWIN/state}) is {@link Kind#OBSCURED}: refused, so that it neither
 * reaches the admin routes around their checks nor the provider API as some other path.
 */
public final class AdminPath {
    /** What a path is to the server. */
    public enum Kind { ADMIN, OBSCURED, API }

    private AdminPath() {
    }

    /**
     * @param rawPath     the path as sent, still percent-encoded, without the query
     * @param decodedPath the same path percent-decoded once
     */
    public static Kind classify(String rawPath, String decodedPath) {
        if (decodedPath.indexOf("__") < 0) {
            return Kind.API; // the common case, without allocating; decoding cannot hide "__" from this check
        }
        if (!isAdmin(canonical(decodedPath).toLowerCase(Locale.ROOT))) {
            return Kind.API;
        }
        return isAdmin(rawPath) && isPlain(rawPath) ? Kind.ADMIN : Kind.OBSCURED;
    }

    /** {@code /__twin} or a path under it, exactly as written. */
    static boolean isAdmin(String path) {
        return path.equals(AdminRoutes.PREFIX) || path.startsWith(AdminRoutes.PREFIX + "/");
    }

    /** No encoded slash, no empty segment and no dot segment: the path means what it says. */
    private static boolean isPlain(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return false;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")
                    || segment.equalsIgnoreCase("%2e") || segment.equalsIgnoreCase("%2e%2e")) {
                return false;
            }
        }
        return true;
    }

    /** The path with backslashes as slashes, empty and {@code .} segments dropped and {@code ..} resolved. */
    static String canonical(String decodedPath) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : decodedPath.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }
}
