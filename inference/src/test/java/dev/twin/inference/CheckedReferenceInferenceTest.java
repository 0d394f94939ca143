package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clinic API whose appointments must name an existing patient: every accepted appointment named a patient the
 * recording had shown, and one naming patient 404 was refused 422 with {@code {"error": "no patient 404"}}. The twin
 * refuses an appointment for a patient it does not hold the same way ({@code create.exists}), the value sent in the
 * message, and accepts one for a patient created through it.
 */
class CheckedReferenceInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/patients", "{\"name\":\"Ada\"}", 201, "{\"id\":1,\"name\":\"Ada\"}");
        t.json("POST", "/patients", "{\"name\":\"Grace\"}", 201, "{\"id\":2,\"name\":\"Grace\"}");
        t.json("POST", "/appointments", "{\"patient\":1,\"day\":\"monday\"}", 201,
                "{\"id\":1,\"patient\":1,\"day\":\"monday\"}");
        t.json("POST", "/appointments", "{\"patient\":2,\"day\":\"tuesday\"}", 201,
                "{\"id\":2,\"patient\":2,\"day\":\"tuesday\"}");
        t.json("POST", "/appointments", "{\"patient\":404,\"day\":\"friday\"}", 422, "{\"error\":\"no patient 404\"}");
        t.json("GET", "/appointments/1", null, 200, "{\"id\":1,\"patient\":1,\"day\":\"monday\"}");
        t.json("GET", "/patients/1", null, 200, "{\"id\":1,\"name\":\"Ada\"}");
        return t;
    }

    @Test
    void givenACreateRefusedForAnUnknownPatient_whenTheTwinIsAskedForOne_thenItRefusesNamingTheValue() throws Exception {
        var refused = calls.json("POST", "/appointments", "{\"patient\":77,\"day\":\"sunday\"}");
        String yaml = files.text("twin.yaml");
        assertEquals(422, refused.statusCode(), refused.body() + "\n" + yaml);
        assertEquals("no patient 77", JSON.readTree(refused.body()).path("error").asText(), refused.body());

        JsonNode patient = JSON.readTree(calls.json("POST", "/patients", "{\"name\":\"Alan\"}").body());
        var accepted = calls.json("POST", "/appointments", "{\"patient\":" + patient.path("id").asText()
                + ",\"day\":\"sunday\"}");
        assertEquals(201, accepted.statusCode(), accepted.body());
        assertTrue(files.text("inference-report.md").contains("'patient' must name a row of patients"),
                files.text("inference-report.md"));
    }
}
