package dev.twin.replayer.internal.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends callbacks: the second outbound HTTP client of {@code twin serve} (beside the webhook client). It calls only
 * the hosts {@link CallbackHosts} allows — loopback, and those twin.yaml lists — and follows no redirect.
 */
final class CallbackClient {
    private final CallbackHosts hosts;
    private final Executor executor;
    private HttpClient http; // created on the first callback: a twin that sends none starts no client threads

    CallbackClient(CallbackHosts hosts, Executor executor) {
        this.hosts = hosts;
        this.executor = executor;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    /** Why {@code url} may not be called, or null. */
    String refusal(URI url) {
        return hosts.refusal(url);
    }

    /**
     * @param form the form body of a POST; null for a GET
     * @return the receiver's status
     * @throws IllegalArgumentException when the URL's host is not allowed
     */
    CompletableFuture<Integer> send(String method, URI url, String form, Map<String, String> headers) {
        String refusal = hosts.refusal(url);
        if (refusal != null) {
            throw new IllegalArgumentException("refusing a callback to " + url + ": " + refusal);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                .header("User-Agent", "TwilioProxy/1.1").header("Accept", "*/*");
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        headers.forEach(request::header);
        return http().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }
}
