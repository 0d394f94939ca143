package dev.twin.replayer.internal.sandbox;

import com.stripe.Stripe;
import dev.twin.replayer.Twin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * examples/stripe with extra twin.yaml sections, served on 127.0.0.1 with the sandbox and the state admin endpoints,
 * and stripe-java pointed at it until {@link #close}.
 */
final class StripeSandbox implements AutoCloseable {
    private final Twin twin;
    private final String previousBase;
    private final HttpClient http = HttpClient.newHttpClient();

    private StripeSandbox(Twin twin, String previousBase) {
        this.twin = twin;
        this.previousBase = previousBase;
    }

    static StripeSandbox start(Path dir, String extraYaml) throws Exception {
        Path example = Path.of("..", "examples", "stripe").toAbsolutePath().normalize();
        String yaml = Files.readString(example.resolve("twin.yaml"))
                .replace("path: spec3.json", "path: " + example.resolve("spec3.json"))
                .replace("file: test-cards.json", "file: " + example.resolve("test-cards.json"));
        Twin twin = Twin.serve(Files.writeString(dir.resolve("twin.yaml"), yaml + "\n" + extraYaml));
        String previousBase = Stripe.getApiBase();
        Stripe.overrideApiBase(twin.baseUrl());
        return new StripeSandbox(twin, previousBase);
    }

    Twin.Internals internals() {
        return twin.internals();
    }

    /** {@code POST /__twin/reset} plus {@code query} (e.g. {@code ?tenant=sk_test_a}); the status. */
    int reset(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + "/__twin/reset" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        Stripe.overrideApiBase(previousBase);
        twin.close();
    }
}
