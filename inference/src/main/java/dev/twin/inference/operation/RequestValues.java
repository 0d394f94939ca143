package dev.twin.inference.operation;

import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.replayer.internal.form.UrlEncoded;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of one write request an answer header may repeat, each with the twin.yaml template variable that gives it
 * back ({@code create.headers}, {@code update.headers}, {@code patch.headers}): the values of its query parameters
 * ({@code {{request.query.digest}}}), the hex digests of the body it sent ({@code {{request.sha256}}}, also
 * {@code sha1}, {@code md5}) and the server's own base URL ({@code {{request.base}}}: {@code http://} or
 * {@code https://} and the request's Host, or the host recorded when it sent none).
 * A query value counts from four characters on and only as a whole token (not inside a longer word), so a page
 * number never passes for part of a header.
 */
final class RequestValues {
    static final RequestValues NONE = new RequestValues(Map.of(), Map.of(), List.of());
    private static final int MIN_QUERY_VALUE = 4;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Map<String, String> ALGORITHMS = new LinkedHashMap<>();

    static {
        ALGORITHMS.put("sha256", "SHA-256");
        ALGORITHMS.put("sha1", "SHA-1");
        ALGORITHMS.put("md5", "MD5");
    }

    /** Query value → its variable, longest first. */
    private final Map<String, String> query;
    /** Hex digest of the body → its variable. */
    private final Map<String, String> digests;
    /** {@code http://host:port} and {@code https://host:port}, as the request's Host named the server. */
    private final List<String> bases;

    private RequestValues(Map<String, String> query, Map<String, String> digests, List<String> bases) {
        this.query = query;
        this.digests = digests;
        this.bases = bases;
    }

    static RequestValues of(RecordedRequest request) {
        List<Map.Entry<String, String>> values = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            UrlEncoded.parse(request.rawQuery(), 64).forEach(pair -> {
                if (names.add(pair.name()) && NAME.matcher(pair.name()).matches()
                        && pair.value().length() >= MIN_QUERY_VALUE) {
                    values.add(Map.entry(pair.value(), "request.query." + pair.name()));
                }
            });
        }
        values.sort(Comparator.comparing((Map.Entry<String, String> e) -> -e.getKey().length()));
        Map<String, String> query = new LinkedHashMap<>();
        values.forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
        Map<String, String> digests = new LinkedHashMap<>();
        if (request.body() != null && !request.body().isEmpty() && !request.body().truncated()) {
            ALGORITHMS.forEach((name, algorithm) -> digests.put(hex(algorithm, request.body().bytes()),
                    "request." + name));
        }
        String host = Headers.first(request.headers(), "Host").orElse(null);
        if (host == null || host.isEmpty()) {
            boolean defaultPort = request.port() <= 0 || request.port() == 80 && "http".equals(request.scheme())
                    || request.port() == 443 && "https".equals(request.scheme());
            host = defaultPort ? request.host() : request.host() + ":" + request.port();
        }
        List<String> bases = host == null || host.isEmpty() ? List.of() : List.of("http://" + host, "https://" + host);
        return new RequestValues(query, digests, bases);
    }

    /**
     * The ways {@code value} is built from this request, each a template with the parts it repeats replaced by
     * their variables, in order of preference: query values first (what the client named), then body digests
     * first. Empty when it repeats nothing.
     */
    Set<String> templates(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value.contains("{{")) {
            return out;
        }
        for (boolean queryFirst : new boolean[] {true, false}) {
            String template = template(value, queryFirst);
            if (template != null) {
                out.add(template);
            }
        }
        return out;
    }

    private String template(String value, boolean queryFirst) {
        List<String> variables = new ArrayList<>();
        String text = value;
        for (String base : bases) {
            if (text.startsWith(base) && (text.length() == base.length() || text.charAt(base.length()) == '/')) {
                text = mark(variables, "request.base") + text.substring(base.length());
                break;
            }
        }
        for (Map<String, String> part : queryFirst ? List.of(query, digests) : List.of(digests, query)) {
            for (Map.Entry<String, String> e : part.entrySet()) {
                text = replaceTokens(text, e.getKey(), variables, e.getValue());
            }
        }
        if (variables.isEmpty()) {
            return null;
        }
        for (int i = 0; i < variables.size(); i++) {
            text = text.replace(marker(i), "{{" + variables.get(i) + "}}");
        }
        return text;
    }

    /** {@code text} with each whole-token occurrence of {@code found} replaced by a marker for {@code variable}. */
    private static String replaceTokens(String text, String found, List<String> variables, String variable) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        String marker = null;
        while ((at = text.indexOf(found, from)) >= 0) {
            int end = at + found.length();
            if (wordChar(text, at - 1) || wordChar(text, end)) {
                out.append(text, from, at + 1);
                from = at + 1;
                continue;
            }
            if (marker == null) {
                marker = mark(variables, variable);
            }
            out.append(text, from, at).append(marker);
            from = end;
        }
        return marker == null ? text : out.append(text.substring(from)).toString();
    }

    private static boolean wordChar(String text, int at) {
        return at >= 0 && at < text.length() && Character.isLetterOrDigit(text.charAt(at));
    }

    private static String mark(List<String> variables, String variable) {
        variables.add(variable);
        return marker(variables.size() - 1);
    }

    private static String marker(int index) {
        return "\u0000" + (char) ('\uE000' + index) + "\u0000"; // private use: never a letter, a digit or text sent
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
