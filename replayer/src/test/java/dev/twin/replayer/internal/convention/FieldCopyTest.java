package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.internal.sandbox.SandboxFixture;
import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fields.copy}: answers repeat a row's field at a nested path (RabbitMQ's {@code metadata.description}), in
 * creates, reads and lists, with the field's JSON type; a row that stores the path keeps its own value.
 */
class FieldCopyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void givenCopies_whenRowsAreCreatedReadAndListed_thenTheNestedPathRepeatsTheField() throws Exception {
        try (YamlTwin twin = serve("""
                tables:
                  - name: things
                    idField: id
                    response:
                      fields: {copy: {metadata.name: name, metadata.tags: tags}}
                """)) {
            JsonNode created = JSON.readTree(twin.send("POST", "/things", null, "{\"name\":\"shop\",\"tags\":[\"eu\"]}").body());
            assertEquals(JSON.readTree("{\"name\":\"shop\",\"tags\":[\"eu\"]}"), created.path("metadata"));
            JsonNode read = JSON.readTree(get(twin, "/things/" + created.path("id").asText()));
            assertEquals("shop", read.path("metadata").path("name").asText(), read.toString());
            JsonNode list = JSON.readTree(get(twin, "/things"));
            assertTrue(list.toString().contains("\"metadata\":{\"name\":\"shop\""), list.toString());
            JsonNode own = JSON.readTree(twin.send("POST", "/things", null, "{\"name\":\"b\",\"metadata\":{\"name\":\"own\"}}").body());
            assertEquals("own", own.path("metadata").path("name").asText(), "a stored path is kept: " + own);
        }
    }

    @Test
    void givenACopyToATopLevelField_whenLoaded_thenAConfigErrorNamesIt() throws Exception {
        ConfigException error = assertThrows(ConfigException.class, () -> serve("""
                tables:
                  - name: things
                    idField: id
                    response:
                      fields: {copy: {label: name}}
                """));
        assertTrue(error.getMessage().contains("copy") && error.getMessage().contains("dotted path"),
                error.getMessage());
    }

    private YamlTwin serve(String tables) throws Exception {
        return SandboxFixture.thingsTable(dir, tables);
    }


    private static String get(YamlTwin twin, String path) throws Exception {
        HttpResponse<String> answer = twin.send("GET", path, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }
}
