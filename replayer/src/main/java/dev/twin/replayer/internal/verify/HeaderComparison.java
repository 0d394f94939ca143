package dev.twin.replayer.internal.verify;

import dev.twin.recorder.Header;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The response headers that matter to a client, compared when the recording has them: Content-Type by media type
 * (parameters such as charset ignored), Link by its rel names (the URLs name another host), the rate-limit family
 * by presence (their values count down), and the pagination counters ({@code X-Total-Count}, ...) by value.
 * Everything else (Date, Server, request ids, ...) is ignored.
 */
final class HeaderComparison {
    private static final Set<String> PAGINATION = Set.of("x-total-count", "x-total", "x-total-pages", "x-page",
            "x-per-page", "x-next-page", "x-prev-page");

    private final IdMap ids;

    HeaderComparison(IdMap ids) {
        this.ids = ids;
    }

    /** @param twin the twin's headers, names in lower case */
    void compare(List<Header> recorded, Map<String, List<String>> twin, Facets facets) {
        for (Header header : recorded) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.equals("content-type")) {
                compareValue(header.name(), mediaType(header.value()), first(twin, name).map(HeaderComparison::mediaType),
                        facets);
            } else if (name.equals("link")) {
                compareValue(header.name(), rels(header.value()), first(twin, name).map(HeaderComparison::rels), facets);
            } else if (isRateLimit(name)) {
                if (first(twin, name).isPresent()) {
                    facets.equal();
                } else {
                    facets.diverged(new Divergence(Divergence.Kind.HEADER_MISSING, "header " + header.name(),
                            header.value(), null));
                }
            } else if (PAGINATION.contains(name)) {
                compareValue(header.name(), ids.rewrite(header.value()), first(twin, name), facets);
            }
        }
    }

    /**
     * A {@code Location} naming what the twin made (an upload announced in headers only: no body holds its id): where
     * the recorded path and the twin's differ in one segment only, and both values there have one id shape, the
     * twin's is learned as its value for the recorded one, so a client following the recorded Location reaches the
     * twin's row. Origins and queries are left out (a signed {@code _state} is the API's own); nothing is scored.
     */
    void learnLocation(List<Header> recorded, Map<String, List<String>> twin) {
        Optional<String> twinLocation = first(twin, "location");
        Optional<String> recordedLocation = recorded.stream().filter(h -> h.name().equalsIgnoreCase("location"))
                .map(Header::value).findFirst();
        if (twinLocation.isEmpty() || recordedLocation.isEmpty()) {
            return;
        }
        String[] was = path(recordedLocation.get()).split("/", -1);
        String[] is = path(twinLocation.get()).split("/", -1);
        if (was.length != is.length) {
            return;
        }
        int differing = -1;
        for (int i = 0; i < was.length; i++) {
            if (!was[i].equals(is[i])) {
                if (differing >= 0) {
                    return;
                }
                differing = i;
            }
        }
        if (differing >= 0) {
            Optional<String> shape = ValueShape.idShape(was[differing]);
            if (shape.isPresent() && shape.equals(ValueShape.idShape(is[differing]))) {
                ids.learn(was[differing], is[differing]);
            }
        }
    }

    /** The path of a URL or path, without origin, query or fragment. */
    private static String path(String url) {
        String path = url;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }

    private static void compareValue(String name, String recorded, Optional<String> twin, Facets facets) {
        if (twin.isEmpty()) {
            facets.diverged(new Divergence(Divergence.Kind.HEADER_MISSING, "header " + name, recorded, null));
        } else if (twin.get().equals(recorded)) {
            facets.equal();
        } else {
            facets.diverged(new Divergence(Divergence.Kind.HEADER_CHANGED, "header " + name, recorded, twin.get()));
        }
    }

    static boolean isRateLimit(String lowerName) {
        return lowerName.startsWith("x-ratelimit-") || lowerName.startsWith("ratelimit")
                || lowerName.startsWith("x-rate-limit-") || lowerName.equals("retry-after");
    }

    private static Optional<String> first(Map<String, List<String>> headers, String lowerName) {
        List<String> values = headers.get(lowerName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** {@code <...>; rel="next", <...>; rel="last"} becomes {@code rel=last,next}. */
    private static String rels(String value) {
        Set<String> rels = new TreeSet<>();
        for (String part : value.split("[;,]")) {
            String trimmed = part.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("rel=")) {
                for (String rel : trimmed.substring(4).replace("\"", "").trim().split("\\s+")) {
                    rels.add(rel.toLowerCase(Locale.ROOT));
                }
            }
        }
        return rels.stream().collect(Collectors.joining(",", "rel=", ""));
    }
}
