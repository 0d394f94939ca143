package dev.twin.replayer.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replays recorded sessions against a running twin over HTTP and compares every answer with the recorded one.
 * Each session starts from fresh state ({@code POST /__twin/reset}) and its own {@link IdMap}; which operation
 * answered is read from the twin's request journal ({@code /__twin/requests}). Requests go one at a time, in the
 * recorded order, so the journal's newest entry is always the request just sent.
 *
 * <pre>{@code
 * Verifier verifier = new Verifier(URI.create(twin.baseUrl()));
 * SessionResult result = verifier.replay("checkout", store.exchanges("checkout"));
 * }</pre>
 */
public final class Verifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    /** @param twinBase the twin's base URL, e.g. {@code http://127.0.0.1:4280} */
    public Verifier(URI twinBase) {
        this.base = twinBase;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Resets the twin's state, then replays the session's exchanges in order.
     *
     * @throws UncheckedIOException when the twin cannot be reached
     */
    public SessionResult replay(String session, Stream<Exchange> exchanges) {
        admin("POST", "/__twin/reset");
        admin("DELETE", "/__twin/requests");
        IdMap ids = new IdMap();
        List<ExchangeResult> compared = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        int[] skipped = {0};
        exchanges.forEachOrdered(exchange -> {
            hosts.add(exchange.request().host() + (exchange.request().port() > 0
                    ? ":" + exchange.request().port() : ""));
            if (!exchange.succeeded() || exchange.tunnelled() || exchange.request().body().truncated()) {
                skipped[0]++;
            } else {
                compared.add(replay(exchange, ids));
            }
        });
        return new SessionResult(session, compared, skipped[0], hosts);
    }

    private ExchangeResult replay(Exchange exchange, IdMap ids) {
        RecordedRequest request = exchange.request();
        RecordedResponse recorded = exchange.response();
        HttpResponse<byte[]> answer = send(ReplayRequest.build(base, request, ids, TIMEOUT));
        byte[] answerBody = asRecorded(answer.body(), request);
        Answered answered = lastAnswered(request.method());
        String operation = answered.operation();
        Facets facets = new Facets();
        if (operation == null) {
            facets.diverged(new Divergence(Divergence.Kind.NO_SUCH_OPERATION, request.path(), null, null));
        } else if (recorded.status() != answer.statusCode()) {
            facets.diverged(new Divergence(Divergence.Kind.STATUS_CHANGED, "status",
                    String.valueOf(recorded.status()), String.valueOf(answer.statusCode())));
            if (isSuccess(recorded.status()) && isSuccess(answer.statusCode())) {
                // both answers describe the same resource: learn its ids so later requests still find it
                new BodyComparison(ids).compare(recorded.body().bytes(), answerBody, new Facets());
            }
        } else {
            facets.equal();
            Map<String, List<String>> twinHeaders = lowerCaseHeaders(answer, request);
            new HeaderComparison(ids).learnLocation(recorded.headers(), twinHeaders);
            new HeaderComparison(ids).compare(recorded.headers(), twinHeaders, facets);
            if (!recorded.body().truncated()) {
                new BodyComparison(ids).compare(recorded.body().bytes(), answerBody, facets);
            }
        }
        return new ExchangeResult(exchange.id(), request.method(), request.pathAndQuery(), operation,
                recorded.status(), answer.statusCode(), facets.compared(), facets.equalCount(), facets.divergences(),
                answered.source());
    }

    /** Which operation the journal names for a request, and what answered it (both null when unknown). */
    private record Answered(String operation, String source) {
        static final Answered NOTHING = new Answered(null, null);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** The operation the twin's journal names for the request just sent, and its source; nulls when none matched. */
    private Answered lastAnswered(String method) {
        HttpResponse<byte[]> journal = admin("GET", "/__twin/requests");
        admin("DELETE", "/__twin/requests");
        try {
            JsonNode newest = JSON.readTree(journal.body()).path("requests").path(0);
            if (!newest.path("method").asText().equalsIgnoreCase(method)) {
                return Answered.NOTHING;
            }
            JsonNode operation = newest.path("operation");
            JsonNode source = newest.path("source");
            return new Answered(operation.isTextual() ? operation.asText() : null,
                    source.isTextual() ? source.asText() : null);
        } catch (IOException e) {
            throw new IllegalStateException("the twin's /__twin/requests is not JSON", e);
        }
    }

    private HttpResponse<byte[]> admin(String method, String path) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base.toString()
                .replaceAll("/+$", "") + path)).timeout(TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody())
                .build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                    + "; is " + base + " a twin?");
        }
        return response;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot reach the twin at " + base + ": " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }

    private Map<String, List<String>> lowerCaseHeaders(HttpResponse<?> response, RecordedRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> {
            List<String> lower = headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>());
            values.forEach(value -> lower.add(name.equalsIgnoreCase("Location") ? asRecorded(value, request) : value));
        });
        return headers;
    }

    /**
     * The twin's answer with its own address written as the recorded API's (the origin the client reached it at):
     * a twin that links to itself where the API linked to itself ({@code server.rebase}) answers the same, as a
     * minted id does. Only the twin's exact origin is replaced.
     */
    private byte[] asRecorded(byte[] body, RecordedRequest request) {
        String text = new String(body, StandardCharsets.UTF_8);
        String mapped = asRecorded(text, request);
        return mapped == text ? body : mapped.getBytes(StandardCharsets.UTF_8);
    }

    private String asRecorded(String text, RecordedRequest request) {
        String twin = base.getScheme() + "://" + base.getRawAuthority();
        if (!text.contains(twin)) {
            return text;
        }
        String host = request.headers().stream().filter(h -> h.name().equalsIgnoreCase("Host")).map(h -> h.value())
                .findFirst().orElse(request.host() + (request.port() > 0 ? ":" + request.port() : ""));
        return text.replace(twin, "http://" + host.strip());
    }
}
