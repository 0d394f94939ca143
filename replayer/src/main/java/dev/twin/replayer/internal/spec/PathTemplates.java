package dev.twin.replayer.internal.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Small helpers for OpenAPI path templates such as {@code /v1/customers/{customer}}. */
public final class PathTemplates {
    private PathTemplates() {
    }

    /** The names inside braces, in order of appearance. */
    public static List<String> parameterNames(String template) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = template.indexOf('{', i)) >= 0) {
            int end = template.indexOf('}', i);
            if (end < 0) {
                break;
            }
            names.add(template.substring(i + 1, end));
            i = end + 1;
        }
        return names;
    }

    /**
     * What keeps {@code template} from routing, or null when it routes: a '{' without its '}' (or the reverse), an
     * empty or nested parameter, a parameter named twice, or literal text a request path cannot hold as written
     * (spaces and control characters, '?', '#', non-ASCII characters, which clients send percent-encoded).
     */
    public static String problem(String template) {
        Set<String> names = new HashSet<>();
        int open = -1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                if (open >= 0) {
                    return "'{' inside the parameter started at column " + (open + 1) + " of '" + template + "'";
                }
                open = i;
            } else if (c == '}') {
                if (open < 0) {
                    return "'}' at column " + (i + 1) + " closes no '{' in '" + template + "'";
                }
                String name = template.substring(open + 1, i);
                if (name.isBlank()) {
                    return "empty parameter name '{" + name + "}' in '" + template + "'";
                }
                if (!names.add(name)) {
                    return "parameter '" + name + "' appears twice in '" + template + "'";
                }
                open = -1;
            } else if (c == '/' && open >= 0) {
                return "'{' at column " + (open + 1) + " has no closing '}' before the next '/' in '" + template + "'";
            } else if (open < 0 && !routable(c)) {
                return "character " + describe(c) + " at column " + (i + 1) + " of '" + template
                        + "' never appears in a request path as written"
                        + (c > 0x7e ? " (clients send it percent-encoded: write it as %XX)" : "");
            }
        }
        if (open >= 0) {
            return "'{' at column " + (open + 1) + " has no closing '}' in '" + template + "'";
        }
        return null;
    }

    private static boolean routable(char c) {
        return c > 0x20 && c < 0x7f && c != '?' && c != '#';
    }

    private static String describe(char c) {
        return c > 0x20 && c != 0x7f && !Character.isISOControl(c) ? "'" + c + "'"
                : String.format("U+%04X", (int) c);
    }

    /**
     * The route a template takes in the router: its segments, whole-segment parameters as {@code {}} (they share
     * one branch whatever their names), so {@code /pets/{id}} and {@code /pets/{petId}} have the same key. A
     * trailing slash is part of the route ({@code /pets/} and {@code /pets} are two), as the router tells them apart.
     */
    public static String routeKey(String template) {
        int start = template.startsWith("/") ? 1 : 0;
        boolean trailingSlash = template.endsWith("/") && template.length() > start;
        int end = trailingSlash ? template.length() - 1 : template.length();
        StringBuilder key = new StringBuilder();
        for (String segment : start >= end ? new String[0] : template.substring(start, end).split("/", -1)) {
            boolean whole = segment.startsWith("{") && segment.indexOf('}') == segment.length() - 1
                    && segment.indexOf('{', 1) < 0;
            key.append('/').append(whole ? "{}" : segment);
        }
        return trailingSlash ? key.append('/').toString() : key.toString();
    }

    /** Joins a base path (from servers[0].url, may be empty or "/") and a path template. */
    public static String join(String basePath, String path) {
        String base = basePath == null ? "" : basePath;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String tail = path.startsWith("/") ? path : "/" + path;
        return base + tail;
    }
}
