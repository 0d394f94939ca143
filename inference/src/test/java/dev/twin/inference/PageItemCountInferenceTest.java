package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A helpdesk whose pages say how many tickets they hold ({@code returned}) beside how many match ({@code
 * matching}): {@code returned} equalled the rows listed in every answer, but {@code matching} showed more rows than
 * a page held, so {@code returned} counts the page's rows (a short last page says 1), it is no total.
 */
class PageItemCountInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/tickets", "{\"title\":\"printer\"}", 201, "{\"id\":1,\"title\":\"printer\",\"state\":\"open\"}");
        t.json("POST", "/tickets", "{\"title\":\"vpn\"}", 201, "{\"id\":2,\"title\":\"vpn\",\"state\":\"open\"}");
        t.json("POST", "/tickets", "{\"title\":\"mail\"}", 201, "{\"id\":3,\"title\":\"mail\",\"state\":\"open\"}");
        t.json("GET", "/tickets?page=1&per_page=2", null, 200, "{\"page\":1,\"per_page\":2,\"matching\":3,"
                + "\"returned\":2,\"results\":[{\"id\":1,\"title\":\"printer\",\"state\":\"open\"},"
                + "{\"id\":2,\"title\":\"vpn\",\"state\":\"open\"}]}");
        t.json("GET", "/tickets/2", null, 200, "{\"id\":2,\"title\":\"vpn\",\"state\":\"open\"}");
        return t;
    }

    @Test
    void givenAFullPageBesideALargerNumber_whenAShortPageIsListed_thenTheCountIsThePagesRows() throws Exception {
        for (String title : new String[] {"printer", "vpn", "mail"}) {
            assertEquals(201, calls.json("POST", "/tickets", "{\"title\":\"" + title + "\"}").statusCode());
        }
        JsonNode last = JSON.readTree(calls.json("GET", "/tickets?page=2&per_page=2", null).body());
        assertEquals(1, last.path("results").size(), last.toString());
        assertEquals(1, last.path("returned").asInt(), last + "\n" + files.text("twin.yaml"));
        assertTrue(files.text("twin.yaml").contains("itemCountField: returned"), files.text("twin.yaml"));
    }
}
