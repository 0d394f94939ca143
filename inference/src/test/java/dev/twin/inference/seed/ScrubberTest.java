package dev.twin.inference.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScrubberTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void personalDataCardsAndSecretsAreReplaced() throws Exception {
        String scrubbed = Scrubber.scrub(JSON.readTree("""
                {"email":"Jenny.Rosen@Gmail.com","phone":"+14155552671","note":"card 4111 1111 1111 1111 on file",
                 "auth":"Bearer redacted:sha256:0123456789ab","key":"sk_test_4eC39HqLyjWDarjtT1zdp7dc",
                 "client_secret":"pi_123_secret_456","password":"hunter2","count":12,
                 "nested":[{"contact":"ops@acme.io"}],"id":"cus_NffrFeUfNV2Hib","order":"1234567890123","mobile":"(415) 555-2671"}""")).toString();
        assertEquals("""
                {"email":"jenny.rosen@example.com","phone":"+15005550006","note":"card 4242424242424242 on file",\
                "auth":"scrubbed","key":"scrubbed","client_secret":"scrubbed","password":"scrubbed","count":12,\
                "nested":[{"contact":"ops@example.com"}],"id":"cus_NffrFeUfNV2Hib","order":"1234567890123",\
                "mobile":"+15005550006"}""",
                scrubbed);
    }

    @Test
    void aMillisecondClockReadingThatPassesLuhnIsNotACard() throws Exception {
        // 1733456789010 passes the Luhn check, as one in ten 13-digit clock readings do
        assertEquals("{\"instance_start_time\":\"1733456789010\",\"card\":\"4242424242424242\"}",
                Scrubber.scrub(JSON.readTree("{\"instance_start_time\":\"1733456789010\","
                        + "\"card\":\"4000056655665556\"}")).toString());
    }
}
