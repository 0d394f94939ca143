package dev.twin.inference.operation;

import dev.twin.recorder.Header;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Response headers the API sent with one value on every answer ({@code Docker-Distribution-Api-Version:
 * registry/2.0}, {@code X-Api-Version: 2}): the twin sends them too. Headers about the connection, the body or
 * the moment ({@code Date}, {@code Content-*}, {@code ETag}, {@code Location}, {@code Set-Cookie}, …) are never
 * taken. Bounded by the number of header names.
 */
public final class ConstantHeaders {
    private static final Set<String> NOT_API_HEADERS = Set.of("date", "content-length", "content-type",
            "content-encoding", "content-range", "content-location", "content-disposition", "transfer-encoding",
            "connection", "keep-alive", "etag", "last-modified", "location", "link", "set-cookie", "expires",
            "age", "vary", "range", "accept-ranges", "retry-after", "x-total-count", "server", "via", "trailer",
            "upgrade", "proxy-connection", "twin-sandbox");
    private static final int MAX_NAMES = 64;

    private long answers;
    /** Lower-case name → [original name, value]; removed once a value differs. */
    /** Lower-case name → the header as the first answer sent it. */
    private final TreeMap<String, Header> candidates = new TreeMap<>();
    private final TreeMap<String, Long> seen = new TreeMap<>();

    public void accept(List<Header> headers) {
        answers++;
        for (Header header : headers) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (aboutTheMessage(name)) {
                continue;
            }
            if (answers == 1 && candidates.size() < MAX_NAMES) {
                candidates.put(name, header);
            }
            Header candidate = candidates.get(name);
            if (candidate != null && !candidate.value().equals(header.value())) {
                candidates.remove(name);
            }
            seen.merge(name, 1L, Long::sum);
        }
    }

    /**
     * A header (lower case) about the connection, the body, the moment or this one request (CORS, request ids, rate
     * limits): never a header the API sends as its own.
     */
    static boolean aboutTheMessage(String name) {
        return NOT_API_HEADERS.contains(name) || name.startsWith("access-control-") || name.contains("request-id")
                || name.contains("ratelimit") || name.contains("rate-limit");
    }

    /** Each header present on every answer with one value, in its recorded spelling. */
    public Map<String, String> constants() {
        Map<String, String> out = new TreeMap<>();
        candidates.forEach((name, header) -> {
            if (answers > 1 && seen.getOrDefault(name, 0L) == answers) {
                out.put(header.name(), header.value());
            }
        });
        return out;
    }
}
