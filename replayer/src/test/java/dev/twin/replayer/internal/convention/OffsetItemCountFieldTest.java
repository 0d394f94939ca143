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
 * {@code list.itemCountField}: an offset-paged envelope counts the rows on the page it sends (RabbitMQ's
 * {@code item_count}) beside the total of every matching row.
 */
class OffsetItemCountFieldTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void givenAnItemCountField_whenAShortLastPageIsAskedFor_thenItCountsThatPagesRowsAndTheTotalAllRows()
            throws Exception {
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
                        totalField: filtered_count
                        itemCountField: item_count
                        defaultLimit: 100
                        order: oldest-first
                """)) {
            for (String name : new String[] {"a", "b", "c", "d", "e"}) {
                twin.send("POST", "/things", null, "{\"name\":\"" + name + "\"}");
            }
            JsonNode first = JSON.readTree(twin.send("GET", "/things?page=1&page_size=3", null, null).body());
            assertEquals(3, first.path("item_count").asInt(), first.toString());
            assertEquals(5, first.path("filtered_count").asInt(), first.toString());
            JsonNode last = JSON.readTree(twin.send("GET", "/things?page=2&page_size=3", null, null).body());
            assertEquals(2, last.path("item_count").asInt(), last.toString());
            assertEquals(2, last.path("items").size(), last.toString());
        }
    }
}
