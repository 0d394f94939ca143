package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.StateSetting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replicas of a twin of a small API a test writes (its spec and twin.yaml), sharing one Redis under a prefix of
 * their own, and the test's JSON requests to them, each with its API key as a bearer token.
 */
final class ApiReplicas implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Twin> twins = new ArrayList<>();

    private ApiReplicas() {
    }

    /**
     * @param specFile the name twin.yaml imports the spec by
     */
    static ApiReplicas start(Path dir, RedisServer redis, String prefix, String specFile, String spec, String twinYaml,
                             int count) throws Exception {
        Files.writeString(dir.resolve(specFile), spec);
        Path config = Files.writeString(dir.resolve("twin.yaml"), twinYaml);
        ApiReplicas replicas = new ApiReplicas();
        for (int i = 0; i < count; i++) {
            replicas.twins.add(Twin.builder().config(config)
                    .state(StateSetting.parse(redis.url("?prefix=" + prefix).toString(), dir)).start());
        }
        return replicas;
    }

    /** A request with a JSON body (none when null) and {@code Authorization: Bearer KEY}. */
    HttpResponse<String> send(int replica, String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twins.get(replica).baseUrl() + path))
                .header("Authorization", "Bearer " + key);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Replicas.JSON.readTree(response.body());
    }

    @Override
    public void close() {
        twins.forEach(Twin::close);
    }
}
