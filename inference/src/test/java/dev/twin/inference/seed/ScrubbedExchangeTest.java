package dev.twin.inference.seed;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What of a recorded exchange may ship beside a twin ({@code recordings.har}): scrubbed as the seeds are. */
class ScrubbedExchangeTest {

    @Test
    void givenCredentialsAndPersonalData_whenScrubbed_thenNoneIsLeftAnywhere() {
        Exchange scrubbed = ScrubbedExchange.of(exchange("/v1/users/ann@gmail.com", "email=ann%40gmail.com",
                List.of(new Header("Authorization", "Bearer redacted:sha256:0123456789ab"),
                        new Header("Content-Type", "application/x-www-form-urlencoded")),
                "card%5Bnumber%5D=4242424242424242&password=hunter2&name=Ann",
                List.of(new Header("Set-Cookie", "session=abc"), new Header("Content-Type", "application/json")),
                "{\"email\":\"ann@gmail.com\",\"phone\":\"+14155550123\",\"client_secret\":\"pi_1_secret_2\"}"));

        String everything = scrubbed.request().path() + scrubbed.request().rawQuery() + scrubbed.request().headers()
                + scrubbed.request().body().text() + scrubbed.response().headers() + scrubbed.response().body().text();
        assertFalse(everything.contains("gmail"), everything);
        assertFalse(everything.contains("redacted:"), everything);
        assertFalse(everything.contains("hunter2"), everything);
        assertFalse(everything.contains("session=abc"), everything);
        assertFalse(everything.contains("+14155550123"), everything);
        assertFalse(everything.contains("pi_1_secret_2"), everything);
        assertTrue(scrubbed.request().body().text().contains("name=Ann"), scrubbed.request().body().text());
        assertEquals("/v1/users/ann@example.com", scrubbed.request().path());
    }

    @Test
    void givenNothingToScrub_whenScrubbed_thenTheBodiesKeepTheirRecordedBytes() {
        String indented = "{\n  \"id\": 1,\n  \"title\": \"a\"\n}\n";
        Exchange scrubbed = ScrubbedExchange.of(exchange("/posts/1", "_limit=2", List.of(), "",
                List.of(new Header("Content-Type", "application/json; charset=utf-8")), indented));

        assertEquals(indented, scrubbed.response().body().text());
        assertEquals("_limit=2", scrubbed.request().rawQuery());
    }

    private static Exchange exchange(String path, String query, List<Header> requestHeaders, String requestBody,
                                     List<Header> responseHeaders, String responseBody) {
        return new Exchange(1, "main", Instant.parse("2026-01-01T00:00:00Z"), 1000, "10.1.2.3:5000",
                new RecordedRequest("POST", "https", "api.example.com", 443, path, query, requestHeaders,
                        Body.of(requestBody)),
                new RecordedResponse(200, responseHeaders, Body.of(responseBody)), null, false);
    }
}
