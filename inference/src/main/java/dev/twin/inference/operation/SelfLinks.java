package dev.twin.inference.operation;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers that link to the API's own address ({@code "tarball": "http://127.0.0.1:4873/hello/-/hello-1.0.0.tgz"},
 * a {@code Location}, a {@code next} URL): the origins the client reached the API at (its {@code Host}) and the
 * one the recorder forwarded to. Those found in answers become {@code server.rebase}, so the twin's links lead to
 * the twin. Looks at the first {@value #SAMPLES} answers with a text body or a {@code Location}.
 */
public final class SelfLinks {
    static final int SAMPLES = 500;

    private final Map<String, Integer> found = new TreeMap<>();
    private int looked;

    public void accept(Exchange exchange) {
        if (looked >= SAMPLES || exchange.response() == null) {
            return;
        }
        String location = Headers.first(exchange.response().headers(), "location").orElse(null);
        String body = isText(exchange.response().headers()) ? new String(exchange.response().body().bytes(),
                StandardCharsets.UTF_8) : "";
        if (location == null && body.isEmpty()) {
            return;
        }
        looked++;
        for (String origin : origins(exchange.request())) {
            if (contains(body, origin) || location != null && contains(location, origin)) {
                found.merge(origin, 1, Integer::sum);
            }
        }
    }

    /** The origins answers linked to, most used first. */
    public List<String> origins() {
        List<String> out = new ArrayList<>(found.keySet());
        out.sort((a, b) -> found.get(b) - found.get(a));
        return out;
    }

    /** One line per origin for the report. */
    public List<String> evidence() {
        List<String> lines = new ArrayList<>();
        for (String origin : origins()) {
            lines.add("answers link to the API's own address " + origin + " (" + found.get(origin) + " of " + looked
                    + " answers looked at): the twin links to its own address instead (server.rebase)");
        }
        return lines;
    }

    private static List<String> origins(RecordedRequest request) {
        List<String> origins = new ArrayList<>();
        String host = Headers.first(request.headers(), "host").orElse(null);
        if (host != null && !host.isBlank()) {
            origins.add("http://" + host.strip());
            origins.add("https://" + host.strip());
        }
        boolean defaultPort = request.port() <= 0 || request.scheme().equals("http") && request.port() == 80
                || request.scheme().equals("https") && request.port() == 443;
        origins.add(request.scheme() + "://" + request.host() + (defaultPort ? "" : ":" + request.port()));
        return origins;
    }

    /** The origin, ending where an origin ends ({@code http://h:80} is not in {@code http://h:8080/}). */
    private static boolean contains(String text, String origin) {
        int at = text.indexOf(origin);
        while (at >= 0) {
            int end = at + origin.length();
            if (end == text.length() || !isOriginChar(text.charAt(end))) {
                return true;
            }
            at = text.indexOf(origin, at + 1);
        }
        return false;
    }

    private static boolean isOriginChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean isText(List<Header> headers) {
        String type = Headers.first(headers, "content-type").orElse(null);
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.contains("json") || lower.startsWith("text/") || lower.contains("xml");
    }
}
