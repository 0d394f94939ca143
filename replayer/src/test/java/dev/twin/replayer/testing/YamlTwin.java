package dev.twin.replayer.testing;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A twin served on 127.0.0.1 from a spec and a twin.yaml a test writes inline ({@code spec.yaml} beside it), with a
 * JSON client that names its tenant with a bearer key (null: no credential).
 */
public final class YamlTwin implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Twin twin;

    private YamlTwin(Twin twin) {
        this.twin = twin;
    }

    /** Writes {@code spec.yaml} and {@code twin.yaml} into {@code dir} and serves them. */
    public static YamlTwin serve(Path dir, String spec, String twinYaml) throws IOException, ConfigException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spec.yaml"), spec);
        Files.writeString(dir.resolve("twin.yaml"), twinYaml);
        return new YamlTwin(Twin.serve(dir.resolve("twin.yaml")));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return twin.baseUrl();
    }

    /** Sends {@code method path} with a JSON body (null: none) as the tenant (null: none). */
    public HttpResponse<String> send(String method, String path, String tenant, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (tenant != null) {
            request.header("Authorization", "Bearer " + tenant);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        twin.close();
    }
}
