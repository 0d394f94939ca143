package dev.twin.replayer.internal.convention;

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
 * {@code fields.order}: creates, reads and list items send the named fields in that order, whatever order the
 * client wrote them in and the twin made them in; fields not named follow.
 */
class FieldOrderTest {
    @TempDir
    Path dir;

    @Test
    void givenAnOrder_whenRowsAreCreatedReadAndListed_thenTheirFieldsComeInIt() throws Exception {
        try (YamlTwin twin = serve("""
                tables:
                  - name: things
                    idField: id
                    idStrategy: sequence
                    response:
                      fields:
                        inject: {kind: thing}
                        order: [name, kind, id]
                """)) {
            HttpResponse<String> created = twin.send("POST", "/things", null, "{\"size\":3,\"name\":\"box\"}");
            assertEquals("{\"name\":\"box\",\"kind\":\"thing\",\"id\":\"1\",\"size\":3}", created.body());
            assertEquals(created.body(), twin.send("GET", "/things/1", null, null).body());
            assertTrue(twin.send("GET", "/things", null, null).body()
                    .contains("{\"name\":\"box\",\"kind\":\"thing\",\"id\":\"1\",\"size\":3}"));
        }
    }

    @Test
    void givenAFieldNamedTwice_whenLoaded_thenAConfigErrorNamesIt() {
        ConfigException error = assertThrows(ConfigException.class, () -> serve("""
                tables:
                  - name: things
                    idField: id
                    response:
                      fields: {order: [name, id, name]}
                """));
        assertTrue(error.getMessage().contains("order") && error.getMessage().contains("'name' is named twice")
                && error.getMessage().contains("twin.yaml:"), error.getMessage());
    }

    private YamlTwin serve(String tables) throws Exception {
        return SandboxFixture.thingsTable(dir, tables);
    }
}
