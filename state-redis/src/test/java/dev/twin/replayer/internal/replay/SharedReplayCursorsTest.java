package dev.twin.replayer.internal.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.redis.RedisServer;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.StateSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code replay:} on two replicas sharing one Redis: a recorded flow is replayed in recorded order whichever replica
 * each request reaches, and a full reset on one replica starts it over on both.
 */
class SharedReplayCursorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRecordedFlowGoesOnInOrderAcrossReplicas(@TempDir Path dir) throws Exception {
        Path config = new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"pending\"}")
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"paid\"}")
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\",\"status\":\"shipped\"}")
                .write("replay: {store: twin.db}\n", "");
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"))) {
            StateSetting state = StateSetting.parse(redis.url("?prefix=replay").toString(), dir);
            try (Twin a = Twin.builder().config(config).state(state).start();
                 Twin b = Twin.builder().config(config).state(state).start()) {
                assertEquals("pending", status(a));
                assertEquals("paid", status(b));
                assertEquals("shipped", status(a));
                assertEquals("shipped", status(b));

                HTTP.send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/__twin/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

                assertEquals("pending", status(a));
                assertEquals("paid", status(b));
            }
        }
    }

    private static String status(Twin twin) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + "/v1/pets/7"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("status").asText();
    }
}
