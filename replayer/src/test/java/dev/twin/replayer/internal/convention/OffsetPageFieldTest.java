package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.sandbox.SandboxFixture;
import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code list.pageField}: an offset-paged envelope names the page asked for (RabbitMQ's {@code ?page=2&page_size=2}
 * answers {@code page: 2}), and page 1 when the client named none.
 */
class OffsetPageFieldTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void givenAPageField_whenPagesAreAskedFor_thenTheEnvelopeNamesThePageAsked() throws Exception {
        try (YamlTwin twin = SandboxFixture.thingsTable(dir, """
                tables:
                  - name: things
                    idField: name
                    response:
                      list:
                        style: offset
                        dataField: items
                        limitParam: page_size
                        pageParam: page
                        limitField: page_size
                        pageField: page
                        defaultLimit: 100
                        order: oldest-first
                """)) {
            for (String name : new String[] {"a", "b", "c"}) {
                twin.send("POST", "/things", null, "{\"name\":\"" + name + "\"}");
            }
            JsonNode second = JSON.readTree(twin.send("GET", "/things?page=2&page_size=2", null, null).body());
            assertEquals(2, second.path("page").asInt(), second.toString());
            assertEquals("c", second.path("items").path(0).path("name").asText(), second.toString());
            JsonNode unpaged = JSON.readTree(twin.send("GET", "/things", null, null).body());
            assertEquals(1, unpaged.path("page").asInt(), unpaged.toString());
        }
    }
}
