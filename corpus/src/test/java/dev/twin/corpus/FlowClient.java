package dev.twin.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client a corpus flow drives: sends HTTP/1.1 requests with the JDK HttpClient to one base URL and appends each
 * answer to its transcript as a {@link Step}.
 *
 * <p>Of the response headers it keeps only those a client reads that matter for APIs: Content-Type (without
 * parameters), Location, Link, X-Total-Count, ETag, and the API's own {@link CorpusApi#keptHeaders()}; never
 * Date, Server or Content-Length. Header names are kept in lower case. The server's own address (the base URL, and
 * any other address of the same server, such as the upstream behind the recording proxy) reads {@code {base}} in
 * kept headers and bodies: a Location of {@code http://127.0.0.1:40123/posts/3} is {@code {base}/posts/3}, since
 * the recorded API and the twin necessarily listen on different ports.
 */
public final class FlowClient {
    static final Set<String> ALWAYS_KEPT = Set.of("content-type", "location", "link", "x-total-count", "etag");
    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Set<String> kept;
    private final List<String> serverAddresses;
    private final HttpClient http;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<SentRequest> requests = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /**
     * @param baseUrl        where requests go, e.g. {@code http://127.0.0.1:40123}
     * @param keptHeaders    headers to keep beyond {@link #ALWAYS_KEPT}
     * @param sameServerUrls other addresses of the same server that may show in its answers (read {@code {base}})
     */
    public FlowClient(URI baseUrl, Set<String> keptHeaders, Collection<URI> sameServerUrls) {
        this.base = URI.create(stripSlash(baseUrl.toString()));
        Set<String> all = new HashSet<>(ALWAYS_KEPT);
        keptHeaders.forEach(h -> all.add(h.toLowerCase(Locale.ROOT)));
        this.kept = Set.copyOf(all);
        List<String> addresses = new ArrayList<>();
        addresses.add(base.toString());
        sameServerUrls.forEach(u -> addresses.add(stripSlash(u.toString())));
        this.serverAddresses = List.copyOf(addresses);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public FlowClient(URI baseUrl) {
        this(baseUrl, Set.of(), List.of());
    }

    public URI baseUrl() {
        return base;
    }

    /** Sends this header with every later request. */
    public FlowClient withDefaultHeader(String name, String value) {
        defaultHeaders.put(name, value);
        return this;
    }

    public FlowClient withBasicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withDefaultHeader("Authorization", "Basic " + token);
    }

    public FlowClient withBearer(String token) {
        return withDefaultHeader("Authorization", "Bearer " + token);
    }

    /**
     * Sends one request and appends the answer to the transcript.
     *
     * @param name         unique within the flow; letters, digits, {@code . _ -}
     * @param pathAndQuery e.g. {@code /posts?_page=1&_limit=2}
     * @param body         the request body, or null for none
     */
    public Step send(String name, String method, String pathAndQuery, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        claim(name);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        defaultHeaders.forEach(request::header);
        headers.forEach(request::setHeader);
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String kept = ownAddressesAsBase(response.body());
        Map<String, String> answered = keptHeaders(response);
        if (answered.containsKey("etag")) {
            answered.put("etag", BodyDigest.ofKeptBody(answered.get("etag"), response.body(), kept));
        }
        Step step = new Step(name, method, pathAndQuery, response.statusCode(), answered, kept);
        steps.add(step);
        requests.add(new SentRequest(pathAndQuery, body));
        return step;
    }

    public Step get(String name, String pathAndQuery) throws IOException, InterruptedException {
        return send(name, "GET", pathAndQuery, Map.of(), null);
    }

    public Step delete(String name, String pathAndQuery) throws IOException, InterruptedException {
        return send(name, "DELETE", pathAndQuery, Map.of(), null);
    }

    public Step postJson(String name, String pathAndQuery, String json) throws IOException, InterruptedException {
        return send(name, "POST", pathAndQuery, Map.of("Content-Type", "application/json"), json);
    }

    public Step putJson(String name, String pathAndQuery, String json) throws IOException, InterruptedException {
        return send(name, "PUT", pathAndQuery, Map.of("Content-Type", "application/json"), json);
    }

    public Step patchJson(String name, String pathAndQuery, String json) throws IOException, InterruptedException {
        return send(name, "PATCH", pathAndQuery, Map.of("Content-Type", "application/json"), json);
    }

    /** POST {@code application/x-www-form-urlencoded}; the fields in their map's order. */
    public Step postForm(String name, String pathAndQuery, Map<String, String> fields)
            throws IOException, InterruptedException {
        return send(name, "POST", pathAndQuery, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                form(fields));
    }

    /** PUT {@code application/x-www-form-urlencoded}; the fields in their map's order. */
    public Step putForm(String name, String pathAndQuery, Map<String, String> fields)
            throws IOException, InterruptedException {
        return send(name, "PUT", pathAndQuery, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                form(fields));
    }

    /**
     * For flows an official SDK drives: appends what the SDK returned (e.g. {@code object.toJson()}, or an
     * exception's status and JSON) as a step. What the SDK sent is not known to the transcript.
     */
    public Step record(String name, int status, String body) {
        claim(name);
        Step step = new Step(name, "SDK", "", status, Map.of(), body);
        steps.add(step);
        requests.add(SentRequest.NOTHING);
        return step;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Transcript transcript() {
        return new Transcript(steps, requests, null);
    }

    private void claim(String name) {
        if (!STEP_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("step name '" + name + "': use letters, digits, '.', '_' or '-'");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("step name '" + name + "' is used twice in this flow; "
                    + "step names are unique within a flow");
        }
    }

    private Map<String, String> keptHeaders(HttpResponse<?> response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (kept.contains(lower)) {
                String value = String.join(", ", values);
                headers.put(lower, lower.equals("content-type") ? mediaType(value) : ownAddressesAsBase(value));
            }
        });
        return headers;
    }

    private String ownAddressesAsBase(String text) {
        String result = text;
        for (String address : serverAddresses) {
            // not inside a longer port: http://127.0.0.1:4012 is no prefix of http://127.0.0.1:40123
            result = result.replaceAll(Pattern.quote(address) + "(?![0-9])", "{base}");
        }
        return result;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
