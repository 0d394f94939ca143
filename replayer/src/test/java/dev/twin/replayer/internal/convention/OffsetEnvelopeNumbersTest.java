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
 * The numbers an offset-paged envelope answers beside its rows, as RabbitMQ's {@code ?page=2&page_size=2} does:
 * {@code list.pageField} names the page asked for (1 when the client named none), {@code list.itemCountField}
 * counts the rows on the page sent, where {@code totalField} counts every matching row, and
 * {@code list.pageCountField} the pages those rows fill at the page size asked for.
 */
class OffsetEnvelopeNumbersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void givenAPageField_whenPagesAreAskedFor_thenTheEnvelopeNamesThePageAsked() throws Exception {
        try (YamlTwin twin = things("pageField: page", "a", "b", "c")) {
            JsonNode second = page(twin, "/things?page=2&page_size=2");
            assertEquals(2, second.path("page").asInt(), second.toString());
            assertEquals("c", second.path("items").path(0).path("name").asText(), second.toString());
            JsonNode unpaged = page(twin, "/things");
            assertEquals(1, unpaged.path("page").asInt(), unpaged.toString());
        }
    }

    @Test
    void givenAnItemCountField_whenAShortLastPageIsAskedFor_thenItCountsThatPagesRowsAndTheTotalAllRows()
            throws Exception {
        try (YamlTwin twin = things("itemCountField: item_count", "a", "b", "c", "d", "e")) {
            JsonNode first = page(twin, "/things?page=1&page_size=3");
            assertEquals(3, first.path("item_count").asInt(), first.toString());
            assertEquals(5, first.path("filtered_count").asInt(), first.toString());
            JsonNode last = page(twin, "/things?page=2&page_size=3");
            assertEquals(2, last.path("item_count").asInt(), last.toString());
            assertEquals(2, last.path("items").size(), last.toString());
        }
    }

    @Test
    void givenAPageCountField_whenPagesOfSeveralSizesAreAskedFor_thenItCountsThePagesTheMatchingRowsFill()
            throws Exception {
        try (YamlTwin twin = things("pageCountField: page_count", "a", "b", "c", "d", "e")) {
            JsonNode byTwo = page(twin, "/things?page=1&page_size=2");
            assertEquals(3, byTwo.path("page_count").asInt(), byTwo.toString());
            JsonNode byFive = page(twin, "/things?page=1&page_size=5");
            assertEquals(1, byFive.path("page_count").asInt(), byFive.toString());
            twin.send("POST", "/things", null, "{\"name\":\"f\"}");
            JsonNode afterACreate = page(twin, "/things?page=1&page_size=5");
            assertEquals(2, afterACreate.path("page_count").asInt(), afterACreate.toString());
            assertEquals(6, afterACreate.path("filtered_count").asInt(), afterACreate.toString());
        }
    }

    @Test
    void givenAPageCountField_whenNoRowMatches_thenThereIsNoPage() throws Exception {
        try (YamlTwin twin = things("pageCountField: page_count")) {
            JsonNode empty = page(twin, "/things?page=1&page_size=2");
            assertEquals(0, empty.path("page_count").asInt(-1), empty.toString());
        }
    }

    /** A things table paged by {@code page}/{@code page_size} with the envelope field given, holding these rows. */
    private YamlTwin things(String envelopeField, String... names) throws Exception {
        YamlTwin twin = SandboxFixture.thingsTable(dir, """
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
                        totalField: filtered_count
                        %s
                        defaultLimit: 100
                        order: oldest-first
                """.formatted(envelopeField));
        for (String name : names) {
            twin.send("POST", "/things", null, "{\"name\":\"" + name + "\"}");
        }
        return twin;
    }

    private static JsonNode page(YamlTwin twin, String path) throws Exception {
        return JSON.readTree(twin.send("GET", path, null, null).body());
    }
}
