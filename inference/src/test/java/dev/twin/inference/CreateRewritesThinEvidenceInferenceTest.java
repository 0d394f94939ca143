package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the evidence is thin, no create rewrite is guessed: a sent value the server normalised (not minted), a value
 * rewritten once into a shape no table's ids have, a field that equals a named row's field only by one constant, and
 * a refusal no successful create bounds. The twin keeps what was sent and accepts what it cannot tell.
 */
class CreateRewritesThinEvidenceInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/teams", "{\"name\":\"red\",\"region\":\"eu\",\"size\":5}", 201,
                "{\"id\":\"tm_Ab12Cd34Ef\",\"name\":\"red\",\"region\":\"eu\",\"size\":5}");
        t.json("POST", "/members", "{\"team\":\"tm_Ab12Cd34Ef\",\"email\":\"ADA@EXAMPLE.COM\",\"badge\":\"temp\","
                + "\"seat\":3}", 201, "{\"id\":\"mb_Zy98Xw76Vu\",\"team\":\"tm_Ab12Cd34Ef\",\"email\":"
                + "\"ada@example.com\",\"badge\":\"BDG-7f3k9q\",\"seat\":3,\"region\":\"eu\"}");
        t.json("POST", "/members", "{\"team\":\"tm_Ab12Cd34Ef\",\"email\":\"bo@example.com\",\"seat\":9}", 422,
                "{\"message\":\"seat taken\"}");
        t.json("GET", "/members/mb_Zy98Xw76Vu", null, 200, "{\"id\":\"mb_Zy98Xw76Vu\",\"team\":\"tm_Ab12Cd34Ef\","
                + "\"email\":\"ada@example.com\",\"badge\":\"BDG-7f3k9q\",\"seat\":3,\"region\":\"eu\"}");
        return t;
    }

    @Test
    void givenThinEvidence_whenInferred_thenNoLookupReplacementOrLimitIsWritten() throws Exception {
        String yaml = files.text("twin.yaml");
        assertFalse(yaml.contains("replace:"), yaml);
        assertFalse(yaml.contains("lookup:"), yaml);
        assertFalse(yaml.contains("limits:"), yaml);
        String report = files.text("inference-report.md");
        assertTrue(report.contains("refusals of 'seat' fit a bound"), report);
        assertTrue(report.contains("'badge' was answered with a value other than the one sent, but is not written"),
                report);

        JsonNode member = JSON.readTree(calls.json("POST", "/members",
                "{\"team\":\"tm_Ab12Cd34Ef\",\"email\":\"cy@example.com\",\"badge\":\"temp\",\"seat\":7}").body());
        assertEquals("temp", member.path("badge").asText(), member.toString());
    }
}
