package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.state.Row;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A row's answer as JSON: the shaped row serialised once and kept with the row, sent alone or inside a list. */
class RowJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CREATED = 1_700_000_000_000L;

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    private static RowShaper shaper(String inject) throws Exception {
        return new RowShaper("id", TimestampFormat.UNIX, Map.of("createdAt", "created"), json(inject), Set.of(),
                Map.of());
    }

    private static Row row(String id) throws Exception {
        return new Row(id, json("{\"id\":\"" + id + "\",\"name\":\"Ada\",\"metadata\":{\"a\":\"1\"}}"), CREATED,
                CREATED);
    }

    private static String text(SerializedJson json) {
        return new String(json.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void givenARow_whenItsJsonIsAsked_thenItIsTheShapedRowAsCompactJson() throws Exception {
        RowShaper shaper = shaper("{\"object\":\"customer\",\"metadata\":{},\"url\":\"/c/{{item.id}}\"}");
        Row row = row("c1");

        SerializedJson answer = shaper.json(row);

        assertEquals(JSON.writeValueAsString(shaper.shape(row)), text(answer));
        assertEquals("{\"id\":\"c1\",\"object\":\"customer\",\"metadata\":{\"a\":\"1\"},\"url\":\"/c/c1\","
                + "\"name\":\"Ada\",\"created\":1700000000}", text(answer));
    }

    @Test
    void givenARowAnsweredOnce_whenItIsAnsweredAgain_thenTheSameBytesAreSentWithoutSerialisingAgain()
            throws Exception {
        RowShaper shaper = shaper("{\"object\":\"customer\"}");
        Row row = row("c1");

        SerializedJson first = shaper.json(row);

        assertSame(first, shaper.json(row));
    }

    @Test
    void givenAReloadedConfiguration_whenARowIsAnsweredByItsNewShaper_thenItShowsTheNewDefaults() throws Exception {
        Row row = row("c1");
        shaper("{\"object\":\"customer\"}").json(row);

        SerializedJson reloaded = shaper("{\"object\":\"client\"}").json(row);

        assertEquals("client", JSON.readTree(reloaded.bytes()).get("object").asText());
    }

    @Test
    void givenADefaultCallingRandom_whenARowIsAnsweredTwice_thenEachAnswerRendersItAnew() throws Exception {
        RowShaper shaper = shaper("{\"nonce\":\"{{random 24}}\"}");
        Row row = row("c1");

        assertNotEquals(text(shaper.json(row)), text(shaper.json(row)));
    }

    @Test
    void givenItemsSentSerialised_whenAPageIsAnswered_thenItsBodyIsTheBodyOfTheShapedItems() throws Exception {
        RowShaper shaper = shaper("{\"object\":\"customer\"}");
        List<Row> newestFirst = List.of(row("c3"), row("c2"), row("c1"));
        ListItems serialised = items(shaper, newestFirst, true);
        ListItems shaped = items(shaper, newestFirst, false);
        CursorPagination paging = new CursorPagination(new ListEnvelope("data",
                JsonTemplate.compile(json("{\"object\":\"list\",\"url\":\"{{request.path}}\"}"))), 2, 100,
                new NotFoundMessages("customer", null), CursorPagination.Names.STRIPE);
        TwinRequest request = new TwinRequest("GET", "/v1/customers", null, Map.of(), Map.of(), null, "127.0.0.1");

        JsonNode sent = paging.page(serialised, request).body();

        assertEquals(JSON.writeValueAsString(paging.page(shaped, request).body()), JSON.writeValueAsString(sent));
    }

    private static ListItems items(RowShaper shaper, List<Row> newestFirst, boolean serialised) {
        return new ListItems() {
            @Override
            public int size() {
                return newestFirst.size();
            }

            @Override
            public ObjectNode get(int index) {
                return shaper.shape(newestFirst.get(index));
            }

            @Override
            public JsonNode sent(int index) {
                return serialised ? shaper.json(newestFirst.get(index)).asNode() : get(index);
            }

            @Override
            public int indexOf(String id) {
                return -1;
            }
        };
    }
}
