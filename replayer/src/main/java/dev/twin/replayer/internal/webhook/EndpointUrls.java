package dev.twin.replayer.internal.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs a webhook endpoint created over the API may name: http or https on a loopback address
 * ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}), or on a host twin.yaml's {@code webhookEndpoints.allowHosts}
 * lists. Decided on the URL's text alone: nothing is resolved, so deciding opens no connection either.
 */
public final class EndpointUrls {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1",
            "[0:0:0:0:0:0:0:1]");

    private final Set<String> allowHosts;

    public EndpointUrls(List<String> allowHosts) {
        this.allowHosts = Set.copyOf(allowHosts);
    }

    /** Whether deliveries may go to this URL. */
    public boolean allows(URI url) {
        if (url == null || url.getHost() == null || url.getScheme() == null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(host) || LOOPBACK_V4.matcher(host).matches() || allowHosts.contains(host);
    }

    /** Why a URL written in a row cannot be an endpoint's, or null when it can. */
    public String problem(String url) {
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            return "Invalid URL: '" + url + "' is not a URL (" + e.getReason() + ").";
        }
        if (parsed.getHost() == null || parsed.getScheme() == null) {
            return "Invalid URL: '" + url + "' must be an absolute http:// or https:// URL with a host.";
        }
        if (allows(parsed)) {
            return null;
        }
        return "Invalid URL: this twin delivers webhooks only to loopback addresses (127.0.0.1, ::1, localhost)"
                + (allowHosts.isEmpty() ? "" : " and to " + String.join(", ", allowHosts.stream().sorted().toList()))
                + "; '" + parsed.getHost() + "' is not one of them. List the host under webhookEndpoints.allowHosts "
                + "in twin.yaml to allow it.";
    }
}
