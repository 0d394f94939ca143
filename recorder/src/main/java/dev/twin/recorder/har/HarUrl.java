package dev.twin.recorder.har;

import dev.twin.recorder.RecordedRequest;

import java.util.Locale;

/** Builds the absolute URL HAR wants from a recorded request, and splits one back into its parts. */
final class HarUrl {
    record Parts(String scheme, String host, int port, String path, String rawQuery) {
    }

    private HarUrl() {
    }

    static String of(RecordedRequest request) {
        String host = request.host().contains(":") && !request.host().startsWith("[")
                ? "[" + request.host() + "]" : request.host();
        boolean defaultPort = request.port() == defaultPort(request.scheme()) || request.port() <= 0;
        return request.scheme() + "://" + host + (defaultPort ? "" : ":" + request.port())
                + request.pathAndQuery();
    }

    /** Lenient split (no URI validation: recorded URLs may contain characters java.net.URI rejects). */
    static Parts parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int authorityEnd = firstOf(rest, "/?");
        String authority = rest.substring(0, authorityEnd);
        String pathAndQuery = rest.substring(authorityEnd);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);
        return hostAndPort(scheme, authority.substring(authority.lastIndexOf('@') + 1),
                path.isEmpty() ? "/" : path, rawQuery);
    }

    private static Parts hostAndPort(String scheme, String authority, String path, String rawQuery) {
        int portStart = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        String host = portStart > 0 ? authority.substring(0, portStart) : authority;
        int port = portStart > 0 ? Integer.parseInt(authority.substring(portStart + 1)) : defaultPort(scheme);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host");
        }
        return new Parts(scheme, host, port, path, rawQuery);
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https", "wss" -> 443;
            default -> 80;
        };
    }
}
