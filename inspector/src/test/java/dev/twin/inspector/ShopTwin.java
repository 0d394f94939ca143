package dev.twin.inspector;

import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.admin.AdminAccess;
import dev.twin.replayer.config.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A small stateful twin for the page's tests: customers bound to a table, events and a webhook, a scenario, a
 * fault rule and a rate limit; started as {@code twin serve} starts one, with the inspector page added.
 */
final class ShopTwin implements AutoCloseable {
    static final String SPEC = """
            openapi: 3.0.3
            info: {title: shop, version: '1'}
            paths:
              /v1/customers:
                get:
                  operationId: listCustomers
                  responses: {'200': {description: ok}}
                post:
                  operationId: createCustomer
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [name]
                          properties: {name: {type: string}, email: {type: string}}
                  responses: {'201': {description: created}}
              /v1/customers/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getCustomer
                  responses: {'200': {description: ok}}
              /v1/events:
                get:
                  operationId: listEvents
                  responses: {'200': {description: ok}}
              /v1/ping:
                get:
                  operationId: ping
                  responses: {'200': {description: ok, content: {application/json: {example: {pong: true}}}}}
            """;

    /** @param webhookUrl where customer.created events are delivered */
    static String config(String webhookUrl) {
        return """
                imports:
                  - {path: shop.yaml, as: shop}
                conventions:
                  errors: {wrap: error}
                tables:
                  - {name: customers, idField: id, idStrategy: prefix, idPrefix: cus_}
                extend:
                  - {mock: shop.listCustomers, table: customers, action: list}
                  - {mock: shop.createCustomer, table: customers, action: create}
                  - {mock: shop.getCustomer, table: customers, action: get}
                scenarios:
                  - name: vip
                    when: {operation: shop.createCustomer, match: "input.name == 'vip'"}
                    then: {status: 200, body: {id: cus_vip, name: "VIP of {{tenant}}"}}
                faults:
                  rules:
                    - {name: slow-ping, operation: shop.ping, latency: 5ms}
                rateLimits:
                  - {name: pings, operations: "shop.ping", capacity: 3, refillPerSecond: 0.01}
                events:
                  list: shop.listEvents
                  emit:
                    - {table: customers, on: created, type: customer.created}
                webhooks:
                  - {url: "%s", events: ["customer.*"], maxAttempts: 2}
                """.formatted(webhookUrl);
    }

    private final Twin twin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ShopTwin(Twin twin) {
        this.twin = twin;
    }

    /** Writes shop.yaml and twin.yaml into {@code dir} and serves them, with the page (and a verify report). */
    static ShopTwin start(Path dir, String webhookUrl, Path verifyReport) throws ConfigException {
        return start(dir, webhookUrl, verifyReport, AdminAccess.OPEN_ON_LOOPBACK);
    }

    /** As {@link #start}, every admin request needing {@code token}. */
    static ShopTwin startWithToken(Path dir, String token) throws ConfigException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(dir, "http://127.0.0.1:9/hook", null, AdminAccess.of(true, token, java.util.List.of()));
    }

    private static ShopTwin start(Path dir, String webhookUrl, Path verifyReport, AdminAccess access)
            throws ConfigException {
        try {
            Files.writeString(dir.resolve("shop.yaml"), SPEC);
            Files.writeString(dir.resolve("twin.yaml"), config(webhookUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Twin twin = Twin.builder().config(dir.resolve("twin.yaml")).webhookRetryDelay(Duration.ofMillis(50))
                .admin(access).start();
        Inspector.serve(twin.internals().server().adminRoutes(), verifyReport);
        return new ShopTwin(twin);
    }

    String baseUrl() {
        return twin.baseUrl();
    }

    String page() {
        return twin.baseUrl() + "/__twin/ui";
    }

    Twin twin() {
        return twin;
    }

    HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        return send(request(path, apiKey).GET().build());
    }

    HttpResponse<String> postJson(String path, String apiKey, String json) throws IOException, InterruptedException {
        return send(request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(10));
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    @Override
    public void close() {
        twin.close();
    }
}
