package dev.twin.replayer.internal.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The only outbound HTTP client {@code twin serve} creates. It posts to the webhook URLs written in twin.yaml, and to
 * webhook endpoints tenants created over the API on loopback or a host twin.yaml allows, and refuses every other
 * URL, so a twin never calls out anywhere else (no real provider, no telemetry).
 */
public final class WebhookClient {
    private final Set<URI> allowed;
    private final Supplier<Executor> executor;
    private HttpClient http; // created on the first delivery: a twin without webhooks starts no client threads

    public WebhookClient(Set<URI> allowed, Supplier<Executor> executor) {
        this.allowed = Set.copyOf(allowed);
        this.executor = executor;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().executor(executor.get()).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    /**
     * @return the response status
     * @throws IllegalArgumentException when {@code url} is not a configured webhook URL
     */
    public CompletableFuture<Integer> post(URI url, String json, Map<String, String> headers) {
        if (!allowed.contains(url)) {
            throw new IllegalArgumentException("refusing an outbound request to " + url
                    + ": the twin only calls the webhook URLs configured in twin.yaml");
        }
        return send(url, json, headers);
    }

    /**
     * Posts to a webhook endpoint a tenant created over the API.
     *
     * @param urls the URLs such endpoints may name (loopback, and twin.yaml's allowed hosts); null: none
     * @throws IllegalArgumentException when {@code urls} does not allow {@code url}
     */
    public CompletableFuture<Integer> postToEndpoint(URI url, String json, Map<String, String> headers,
                                                     EndpointUrls urls) {
        if (urls == null || !urls.allows(url)) {
            throw new IllegalArgumentException("refusing an outbound request to " + url
                    + ": webhook endpoints may only be on loopback or a host webhookEndpoints.allowHosts lists");
        }
        return send(url, json, headers);
    }

    private CompletableFuture<Integer> send(URI url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }
}
