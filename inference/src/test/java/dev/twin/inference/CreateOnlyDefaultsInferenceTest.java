package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A help desk whose server stores its defaults once, when a ticket is created ({@code status: open}, no labels, not
 * escalated), as an ORM's schema defaults do: a PUT that replaces a ticket without sending them answers, and
 * stores, the ticket without them, while a PATCH keeps them. The twin stores them at create ({@code create.defaults})
 * rather than adding them to every answer.
 */
class CreateOnlyDefaultsInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        String[] subjects = {"printer jammed", "vpn drops", "new laptop"};
        for (int i = 0; i < subjects.length; i++) {
            t.json("POST", "/tickets", "{\"subject\":\"" + subjects[i] + "\"}", 201, "{\"status\":\"open\","
                    + "\"labels\":[],\"escalated\":false,\"subject\":\"" + subjects[i] + "\",\"id\":" + (i + 1) + "}");
        }
        t.json("PATCH", "/tickets/1", "{\"escalated\":true}", 200,
                "{\"status\":\"open\",\"labels\":[],\"escalated\":true,\"subject\":\"printer jammed\",\"id\":1}");
        t.json("PUT", "/tickets/2", "{\"subject\":\"vpn drops at night\"}", 200,
                "{\"subject\":\"vpn drops at night\",\"id\":2}");
        t.json("GET", "/tickets/2", null, 200, "{\"subject\":\"vpn drops at night\",\"id\":2}");
        t.json("GET", "/tickets/3", null, 200,
                "{\"status\":\"open\",\"labels\":[],\"escalated\":false,\"subject\":\"new laptop\",\"id\":3}");
        return t;
    }

    @Test
    void givenDefaultsAReplaceDropped_whenATicketIsCreatedThenReplaced_thenOnlyTheCreateCarriesThem() throws Exception {
        JsonNode created = JSON.readTree(calls.json("POST", "/tickets", "{\"subject\":\"monitor flickers\"}").body());
        String yaml = files.text("twin.yaml");
        assertEquals("open", created.path("status").asText(), created + "\n" + yaml);
        assertEquals(0, created.path("labels").size(), created.toString());
        String id = created.path("id").asText();

        JsonNode patched = JSON.readTree(calls.json("PATCH", "/tickets/" + id, "{\"escalated\":true}").body());
        assertEquals("open", patched.path("status").asText(), patched.toString());
        assertTrue(patched.path("escalated").asBoolean(), patched.toString());

        JsonNode replaced = JSON.readTree(calls.json("PUT", "/tickets/" + id, "{\"subject\":\"monitor dead\"}").body());
        assertFalse(replaced.has("status"), replaced + "\n" + yaml);
        assertFalse(replaced.has("labels"), replaced.toString());
        JsonNode read = JSON.readTree(calls.json("GET", "/tickets/" + id, null).body());
        assertFalse(read.has("escalated"), read.toString());
        assertEquals("monitor dead", read.path("subject").asText(), read.toString());
        assertTrue(files.text("inference-report.md").contains("defaults only a create sets"),
                files.text("inference-report.md"));
    }
}
