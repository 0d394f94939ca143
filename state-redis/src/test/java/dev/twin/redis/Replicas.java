package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.StateSetting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Several replicas of examples/stripe (as many {@link Twin}s in this JVM, each with its own server, tables cache and
 * Redis connection) sharing one {@link RedisServer}, with stripe-java clients pointed at each.
 */
final class Replicas implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path config;
    private final URI redis;
    private final List<Twin> twins = new ArrayList<>();

    private Replicas(Path config, URI redis) {
        this.config = config;
        this.redis = redis;
    }

    /** examples/stripe's twin.yaml plus {@code extraYaml}, written to {@code dir}, served by {@code count} replicas. */
    static Replicas start(Path dir, URI redis, int count, String extraYaml) throws Exception {
        Replicas replicas = new Replicas(stripeConfig(dir, extraYaml), redis);
        for (int i = 0; i < count; i++) {
            replicas.twins.add(replicas.newReplica());
        }
        return replicas;
    }

    static Path stripeConfig(Path dir, String extraYaml) throws Exception {
        Path example = Path.of("..", "examples", "stripe").toAbsolutePath().normalize();
        // the files twin.yaml names (the spec, magic-value catalogues) stay where the example keeps them
        String yaml = Files.readString(example.resolve("twin.yaml"))
                .replace("path: spec3.json", "path: " + example.resolve("spec3.json"))
                .replaceAll("(?m)^(\\s*file: )([\\w.-]+)$", "$1" + example.toString().replace("\\", "/") + "/$2");
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("twin.yaml"), yaml + "\n" + extraYaml);
    }

    private Twin newReplica() throws Exception {
        return Twin.builder().config(config).state(StateSetting.parse(redis.toString(), Path.of("")))
                .webhookRetryDelay(Duration.ofMillis(50)).start();
    }

    Twin get(int replica) {
        return twins.get(replica);
    }

    /** Stops a replica (as a rolling restart does) and starts a new one in its place. */
    void restart(int replica) throws Exception {
        twins.get(replica).close();
        twins.set(replica, newReplica());
    }

    void stop(int replica) {
        twins.get(replica).close();
    }

    StripeClient stripe(int replica, String apiKey) {
        return StripeClient.builder().setApiKey(apiKey).setApiBase(twins.get(replica).baseUrl())
                .setMaxNetworkRetries(0).build();
    }

    HttpResponse<String> send(int replica, String method, String path, String apiKey, String form)
            throws Exception {
        return send(replica, method, path, apiKey, form, null);
    }

    /** A request with an {@code Idempotency-Key} (none when null). */
    HttpResponse<String> send(int replica, String method, String path, String apiKey, String form,
                              String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twins.get(replica).baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        for (Twin twin : twins) {
            twin.close();
        }
    }
}
