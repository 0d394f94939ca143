package dev.twin.replayer.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The only outbound HTTP client {@code twin serve} creates. It posts to the webhook URLs written in twin.yaml and
 * refuses every other URL, so a twin never calls out anywhere else (no real provider, no telemetry).
 */
public final class WebhookClient {
    private final Set<URI> allowed;
    private final HttpClient http;

    public WebhookClient(Set<URI> allowed, Executor executor) {
        this.allowed = Set.copyOf(allowed);
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }
}
