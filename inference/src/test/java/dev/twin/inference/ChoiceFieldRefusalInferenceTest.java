package dev.twin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A support desk whose tickets have a {@code priority} among a few words (the server's default {@code normal},
 * {@code low}, {@code urgent} sent by clients): a ticket sent with {@code priority: "whenever"} was refused 422 with
 * {@code {"priority": "'whenever' is not a known priority"}}, naming the field and echoing the value. The twin refuses
 * a value outside those it saw the same way, and takes each of them.
 */
class ChoiceFieldRefusalInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/tickets", "{\"subject\":\"printer on fire\",\"priority\":\"urgent\"}", 201,
                "{\"id\":1,\"subject\":\"printer on fire\",\"priority\":\"urgent\"}");
        t.json("POST", "/tickets", "{\"subject\":\"new mouse\",\"priority\":\"low\"}", 201,
                "{\"id\":2,\"subject\":\"new mouse\",\"priority\":\"low\"}");
        t.json("POST", "/tickets", "{\"subject\":\"vpn slow\"}", 201,
                "{\"id\":3,\"subject\":\"vpn slow\",\"priority\":\"normal\"}");
        t.json("POST", "/tickets", "{\"subject\":\"coffee machine\",\"priority\":\"whenever\"}", 422,
                "{\"priority\":\"'whenever' is not a known priority\"}");
        t.json("GET", "/tickets/1", null, 200, "{\"id\":1,\"subject\":\"printer on fire\",\"priority\":\"urgent\"}");
        return t;
    }

    @Test
    void givenAValueRefusedOutsideAFewWords_whenTheTwinIsSentAnother_thenItRefusesItAsTheApiDid() throws Exception {
        var refused = calls.json("POST", "/tickets", "{\"subject\":\"desk wobbles\",\"priority\":\"someday\"}");
        String yaml = files.text("twin.yaml");
        assertEquals(422, refused.statusCode(), refused.body() + "\n" + yaml);
        assertEquals("'someday' is not a known priority", JSON.readTree(refused.body()).path("priority").asText());
        for (String priority : new String[] {"low", "normal", "urgent"}) {
            assertEquals(201, calls.json("POST", "/tickets", "{\"subject\":\"s\",\"priority\":\"" + priority + "\"}")
                    .statusCode(), priority + "\n" + yaml);
        }
        assertTrue(yaml.contains("urgent|low|normal"), yaml);
    }
}
