package dev.twin.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Where requests go: scheme, host and port of an HTTP server. */
public record Origin(String scheme, String host, int port) {
    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, not " + scheme);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Parses a base URL such as {@code https://api.example.com} or {@code http://localhost:8080}.
     *
     * @throws IllegalArgumentException with a message for the user when the URL is not a usable upstream
     */
    public static Origin parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("upstream must start with http:// or https://, got: " + url);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("upstream has no host: " + url);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("upstream must be a base URL without path or query, got: " + url);
        }
        return of(scheme, uri.getHost(), uri.getPort());
    }

    /** An origin with the scheme's default port when {@code port} is -1. */
    public static Origin of(String scheme, String host, int port) {
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new Origin(scheme, bareHost, port == -1 ? defaultPort(scheme) : port);
    }

    public static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    public boolean isTls() {
        return scheme.equals("https");
    }

    /** "host:port", as error messages and CONNECT name it. */
    public String authority() {
        return hostForUrl() + ":" + port;
    }

    /** The Host header value: the port is left out when it is the scheme's default. */
    public String hostHeader() {
        return port == defaultPort(scheme) ? hostForUrl() : authority();
    }

    public String url() {
        return scheme + "://" + hostHeader();
    }

    private String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return url();
    }
}
