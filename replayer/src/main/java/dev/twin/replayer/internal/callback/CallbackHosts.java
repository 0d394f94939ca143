package dev.twin.replayer.internal.callback;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts a callback may go to: loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) always, any other
 * only when {@code callbacks.allowHosts} names it ({@code hooks.example.com}, or {@code *.example.com} for its
 * subdomains). Decided from the URL alone, before any name is looked up, so a refused URL costs no connection.
 */
final class CallbackHosts {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final List<String> allowed;

    CallbackHosts(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why the URL may not be called, or null when it may. */
    String refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return "not an http:// or https:// URL with a host";
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (isLoopback(host) || isAllowed(host)) {
            return null;
        }
        return "host " + host + " is not loopback and not in callbacks.allowHosts of twin.yaml";
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || LOOPBACK_V4.matcher(host).matches()
                || host.equals("[::1]") || host.equals("::1") || host.equals("[0:0:0:0:0:0:0:1]");
    }

    private boolean isAllowed(String host) {
        for (String pattern : allowed) {
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
