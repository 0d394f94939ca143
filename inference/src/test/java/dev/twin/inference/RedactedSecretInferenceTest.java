package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret the server mints per row ({@code client_secret}) reaches inference only as the recorder's fingerprint:
 * the twin still mints one for every row it creates, of a generic shape, and never the fingerprint.
 */
class RedactedSecretInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("api.example.com");
        t.form("POST", "/v1/intents", "amount=100", 200,
                "{\"id\":\"pi_1NffrFeUfNV2Hib0\",\"amount\":100,\"client_secret\":\"redacted:sha256:0123456789ab\"}");
        t.form("POST", "/v1/intents", "amount=250", 200,
                "{\"id\":\"pi_1NffrFeUfNV2Hib1\",\"amount\":250,\"client_secret\":\"redacted:sha256:ba9876543210\"}");
        t.json("GET", "/v1/intents/pi_1NffrFeUfNV2Hib0", null, 200,
                "{\"id\":\"pi_1NffrFeUfNV2Hib0\",\"amount\":100,\"client_secret\":\"redacted:sha256:0123456789ab\"}");
        return t;
    }

    @Test
    void givenAFingerprintedSecretInEveryCreateAnswer_whenServed_thenEachNewRowGetsASecretOfItsOwn()
            throws Exception {
        HttpResponse<String> first = calls.form("POST", "/v1/intents", "amount=300");
        HttpResponse<String> second = calls.form("POST", "/v1/intents", "amount=400");

        JsonNode a = JSON.readTree(first.body());
        JsonNode b = JSON.readTree(second.body());
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(a.path("client_secret").asText().length() >= 16, first.body());
        assertFalse(a.path("client_secret").asText().startsWith("redacted:"), first.body());
        assertNotEquals(a.path("client_secret").asText(), b.path("client_secret").asText());
        JsonNode read = JSON.readTree(calls.json("GET", "/v1/intents/" + a.path("id").asText(), null).body());
        assertEquals(a.path("client_secret"), read.path("client_secret"));
    }
}
