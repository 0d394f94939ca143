package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --state FILE}: rows and snapshots survive a server restart, over HTTP. */
class ServeStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KEY = "sk_test_restart";
    private static TwinConfig config;

    @TempDir
    static Path configDir;
    @TempDir
    Path dir;

    @BeforeAll
    static void loadConfig() throws Exception {
        Files.copy(Path.of("..", "examples", "petstore", "petstore.yaml"), configDir.resolve("petstore.yaml"));
        Files.writeString(configDir.resolve("twin.yaml"), """
                version: 1
                imports:
                  - path: petstore.yaml
                    as: petstore
                tables:
                  - name: pets
                    idField: id
                    idStrategy: sequence
                extend:
                  - {mock: petstore.createPets, table: pets, action: create}
                  - {mock: petstore.showPetById, table: pets, action: get}
                """);
        config = ConfigLoader.load(configDir.resolve("twin.yaml"));
    }

    @Test
    void rowsAndSnapshotsSurviveARestartWithTheSameStateFile() throws Exception {
        Path stateFile = dir.resolve("pets.state");
        try (Running first = Running.start(stateFile)) {
            first.createPet(1, "Rex");
            assertEquals(201, first.call("POST", "/__twin/snapshots/only-rex", null).statusCode());
            first.createPet(2, "Tom");
        }

        try (Running second = Running.start(stateFile)) {
            assertEquals("Rex", second.petName(1));
            assertEquals("Tom", second.petName(2));
            assertEquals(200, second.call("POST", "/__twin/snapshots/only-rex/restore", null).statusCode());
            assertEquals(404, second.call("GET", "/v1/pets/2", null).statusCode());
        }
    }

    @Test
    void withoutAStateFileARestartStartsEmpty() throws Exception {
        try (Running first = Running.start(null)) {
            first.createPet(1, "Rex");
        }

        try (Running second = Running.start(null)) {
            assertEquals(404, second.call("GET", "/v1/pets/1", null).statusCode());
        }
    }

    private record Running(Twin server) implements AutoCloseable {
        /** @param stateFile the {@code --state} file, or null for tables in memory */
        static Running start(Path stateFile) throws Exception {
            return new Running(Twin.builder().config(config).state(stateFile).start());
        }

        void createPet(int id, String name) throws Exception {
            HttpResponse<String> created = call("POST", "/v1/pets", "{\"id\": " + id + ", \"name\": \"" + name + "\"}");
            assertEquals(201, created.statusCode(), created.body());
        }

        String petName(int id) throws Exception {
            HttpResponse<String> fetched = call("GET", "/v1/pets/" + id, null);
            assertEquals(200, fetched.statusCode(), fetched.body());
            JsonNode body = JSON.readTree(fetched.body());
            assertEquals(id, body.get("id").asInt());
            return body.get("name").asText();
        }

        HttpResponse<String> call(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + KEY)
                    .method(method, json != null ? HttpRequest.BodyPublishers.ofString(json)
                            : HttpRequest.BodyPublishers.noBody());
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
