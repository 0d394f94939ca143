package dev.twin.inference;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up licensing API that checks a licence key's form: it accepted three keys of four dash-separated groups of
 * four upper-case hex digits and refused {@code abc} with a 422 that echoes it. The twin refuses a key of another
 * form with that answer (the key sent echoed), still takes every key the recording accepted and new keys of the
 * form, and the report gives the decision low confidence.
 */
class FieldFormRefusalInferenceTest extends ServedRecordingTest {
    private static final List<String> ACCEPTED = List.of("7F3A-91C0-BE42-0D6F", "A0B1-C2D3-E4F5-9687",
            "5E6D-7C8B-9A01-2345");

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:8080");
        String[] holders = {"ann", "bob", "cy"};
        for (int i = 0; i < ACCEPTED.size(); i++) {
            t.json("POST", "/licences", "{\"key\":\"" + ACCEPTED.get(i) + "\",\"holder\":\"" + holders[i] + "\"}", 201,
                    "{\"id\":" + (i + 1) + ",\"key\":\"" + ACCEPTED.get(i) + "\",\"holder\":\"" + holders[i] + "\"}");
        }
        t.json("POST", "/licences", "{\"key\":\"abc\",\"holder\":\"dee\"}", 422,
                "{\"error\":\"licence key 'abc' is malformed\"}");
        t.json("GET", "/licences/1", null, 200, "{\"id\":1,\"key\":\"7F3A-91C0-BE42-0D6F\",\"holder\":\"ann\"}");
        t.json("GET", "/licences", null, 200, "[{\"id\":1,\"key\":\"7F3A-91C0-BE42-0D6F\",\"holder\":\"ann\"},"
                + "{\"id\":2,\"key\":\"A0B1-C2D3-E4F5-9687\",\"holder\":\"bob\"},"
                + "{\"id\":3,\"key\":\"5E6D-7C8B-9A01-2345\",\"holder\":\"cy\"}]");
        return t;
    }

    @Test
    void givenAKeyOfAnotherFormWasRefused_whenOneIsSent_thenTheTwinRefusesItWithTheRecordedAnswer() throws Exception {
        HttpResponse<String> refused = calls.json("POST", "/licences", "{\"key\":\"not-a-key\",\"holder\":\"eve\"}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("licence key 'not-a-key' is malformed",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body()).path("error").asText());
        String report = files.text("inference-report.md");
        assertTrue(report.contains("'key' sent as ['abc'] was refused (422)") && report.contains("low confidence"),
                report);
    }

    @Test
    void givenTheLearnedForm_whenEveryAcceptedKeyOrANewOneOfTheFormIsSent_thenTheTwinTakesIt() throws Exception {
        for (String key : ACCEPTED) {
            HttpResponse<String> accepted = calls.json("POST", "/licences",
                    "{\"key\":\"" + key + "\",\"holder\":\"x\"}");
            assertEquals(201, accepted.statusCode(), key + ": " + accepted.body());
        }
        HttpResponse<String> fresh = calls.json("POST", "/licences",
                "{\"key\":\"0000-FFFF-1234-ABCD\",\"holder\":\"y\"}");
        assertEquals(201, fresh.statusCode(), fresh.body());
    }
}
