package dev.twin.replayer.internal.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which browser origins and which {@code Host} names may reach the admin API: loopback ones
 * ({@code http(s)://127.0.0.1|localhost|[::1]}, any port) and the origins the user listed.
 */
final class AdminOrigins {
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final Set<String> listed;
    private final Set<String> listedHosts;

    AdminOrigins(Set<String> listed) {
        this.listed = listed;
        Set<String> hosts = new HashSet<>();
        listed.forEach(origin -> hosts.add(URI.create(origin).getHost()));
        this.listedHosts = Set.copyOf(hosts);
    }

    /** An {@code Origin} header value a page on this machine (or a listed one) sends. */
    boolean allowsOrigin(String origin) {
        String text = origin.trim().toLowerCase(Locale.ROOT);
        if (listed.contains(text)) {
            return true;
        }
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && isLoopbackName(uri.getHost());
        } catch (URISyntaxException e) {
            return false; // "null" (sandboxed frames, file: pages) and garbage alike
        }
    }

    /**
     * A {@code Host} header naming this machine or a listed origin's host. A page on a foreign name that resolves
     * to 127.0.0.1 (DNS rebinding) sends its own name here, and no Origin on a same-origin GET.
     */
    boolean allowsHost(String host) {
        String text = host.trim().toLowerCase(Locale.ROOT);
        String name = text.startsWith("[") ? text.substring(0, text.indexOf(']') + 1)
                : text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
        return isLoopbackName(name) || listedHosts.contains(name);
    }

    private static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || LOOPBACK_IPV4.matcher(host).matches();
    }
}
