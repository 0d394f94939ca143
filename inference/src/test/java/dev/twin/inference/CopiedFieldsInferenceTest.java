package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API whose rows repeat some of their fields in a nested object ({@code summary: {title, status}} beside
 * {@code title} and {@code status}): the twin's answers repeat what this request wrote, not recorded values.
 */
class CopiedFieldsInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/tickets", "{\"title\":\"printer\",\"status\":\"open\"}", 201,
                "{\"id\":1,\"title\":\"printer\",\"status\":\"open\",\"summary\":{\"title\":\"printer\","
                        + "\"status\":\"open\"}}");
        t.json("POST", "/tickets", "{\"title\":\"vpn\",\"status\":\"closed\"}", 201,
                "{\"id\":2,\"title\":\"vpn\",\"status\":\"closed\",\"summary\":{\"title\":\"vpn\","
                        + "\"status\":\"closed\"}}");
        t.json("GET", "/tickets/1", null, 200, "{\"id\":1,\"title\":\"printer\",\"status\":\"open\","
                + "\"summary\":{\"title\":\"printer\",\"status\":\"open\"}}");
        t.json("GET", "/tickets/2", null, 200, "{\"id\":2,\"title\":\"vpn\",\"status\":\"closed\","
                + "\"summary\":{\"title\":\"vpn\",\"status\":\"closed\"}}");
        return t;
    }

    @Test
    void givenRowsRepeatingFieldsInANestedObject_whenTheTwinAnswers_thenItRepeatsTheFieldsWritten()
            throws Exception {
        assertTrue(files.text("twin.yaml").contains("copy:"), files.text("twin.yaml"));
        HttpResponse<String> created = calls.json("POST", "/tickets", "{\"title\":\"laptop\",\"status\":\"new\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode ticket = JSON.readTree(created.body());
        assertEquals(JSON.readTree("{\"title\":\"laptop\",\"status\":\"new\"}"), ticket.path("summary"),
                created.body());
        JsonNode read = JSON.readTree(calls.json("GET", "/tickets/" + ticket.path("id").asText(), null).body());
        assertEquals("laptop", read.path("summary").path("title").asText(), read.toString());
    }
}
