package dev.twin.replayer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A small shop API (orders and their parcels, {@code stateful: auto}) with the twin.yaml a test writes after
 * {@link #SPEC_IMPORT}, served on 127.0.0.1 with a manual clock from {@link #START}; a JSON client for it, which
 * authenticates as {@code shopkeeper:s3cret} (Basic).
 */
public final class ShopTwin implements AutoCloseable {
    public static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    public static final ObjectMapper JSON = new ObjectMapper();
    /** The start of every twin.yaml of these tests. */
    public static final String SPEC_IMPORT = "imports:\n  - {path: shop.yaml, as: shop}\nstateful: auto\n";

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: shop, version: "1"}
            paths:
              /orders:
                get:
                  operationId: listOrders
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Order'}}
                post:
                  operationId: createOrder
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Order'}
                  responses:
                    "201":
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Order'}
              /orders/{orderId}:
                get:
                  operationId: getOrder
                  parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Order'}
                patch:
                  operationId: updateOrder
                  parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Order'}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Order'}
              /parcels:
                get:
                  operationId: listParcels
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Parcel'}}
                post:
                  operationId: createParcel
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Parcel'}
                  responses:
                    "201":
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Parcel'}
              /parcels/{parcelId}:
                get:
                  operationId: getParcel
                  parameters: [{name: parcelId, in: path, required: true, schema: {type: string}}]
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Parcel'}
            components:
              schemas:
                Order:
                  type: object
                  properties:
                    id: {type: string, readOnly: true}
                    status: {type: string}
                    priority: {type: string, nullable: true}
                    callback_url: {type: string}
                    shipped_at: {type: string, nullable: true}
                    updated_at: {type: string, format: date-time, readOnly: true}
                Parcel:
                  type: object
                  properties:
                    id: {type: string, readOnly: true}
                    order_id: {type: string}
                    state: {type: string}
            """;

    private final Twin twin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ShopTwin(Twin twin) {
        this.twin = twin;
    }

    /** @param twinYaml what follows {@link #SPEC_IMPORT} in the twin.yaml */
    public static ShopTwin start(Path dir, String twinYaml) throws Exception {
        return start(dir, twinYaml, Twin.builder().manualClock(START));
    }

    public static ShopTwin start(Path dir, String twinYaml, Twin.Builder builder) throws Exception {
        Files.writeString(dir.resolve("shop.yaml"), SPEC);
        Files.writeString(dir.resolve("twin.yaml"), SPEC_IMPORT + twinYaml);
        return new ShopTwin(builder.config(dir.resolve("twin.yaml")).start());
    }

    public Twin twin() {
        return twin;
    }

    public JsonNode post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), 201);
    }

    /** A create sent with no credentials at all (the anonymous tenant). */
    public JsonNode postAnonymously(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), 201);
    }

    public JsonNode patch(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), 200);
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET(), 200);
    }

    /** An admin request; answers status and body. */
    public HttpResponse<String> admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .timeout(Duration.ofSeconds(10));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("shopkeeper:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError("expected " + expected + ", got " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        twin.close();
    }
}
