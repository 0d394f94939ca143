package dev.twin.recorder.redact;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.SampleExchanges;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {
    private final Redactor redactor = Redactor.defaults();

    @Test
    void bearerTokenKeepsItsSchemeAndGetsAStableFingerprint() {
        String first = requestHeader(redactor, "Authorization", "Bearer sk_test_abc");
        String again = requestHeader(redactor, "Authorization", "Bearer sk_test_abc");
        String other = requestHeader(redactor, "Authorization", "Bearer sk_test_xyz");

        assertEquals("Bearer " + Fingerprint.of("sk_test_abc"), first);
        assertTrue(first.matches("Bearer redacted:sha256:[0-9a-f]{12}"), first);
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void basicAuthFingerprintsUserAndPasswordSeparately() {
        String credentials = Base64.getEncoder().encodeToString("AC123:secret-pw".getBytes(StandardCharsets.UTF_8));

        String redacted = requestHeader(redactor, "Authorization", "Basic " + credentials);

        assertTrue(redacted.matches("Basic redacted-user:sha256:[0-9a-f]{12} redacted-password:sha256:[0-9a-f]{12}"),
                redacted);
        assertTrue(redacted.contains(Fingerprint.labelled("redacted-user", "AC123")));
    }

    @Test
    void basicAuthWithEmptyPasswordShowsOnlyTheUser() {
        String credentials = Base64.getEncoder().encodeToString("sk_test_abc:".getBytes(StandardCharsets.UTF_8));

        String redacted = requestHeader(redactor, "Authorization", "Basic " + credentials);

        assertEquals("Basic " + Fingerprint.labelled("redacted-user", "sk_test_abc"), redacted);
    }

    @Test
    void cookiesKeepTheirNames() {
        String redacted = requestHeader(redactor, "Cookie", "session=abc123; theme=dark");

        assertEquals("session=" + Fingerprint.of("abc123") + "; theme=" + Fingerprint.of("dark"), redacted);
    }

    @Test
    void setCookieKeepsItsAttributes() {
        Exchange exchange = withResponseHeader("Set-Cookie", "sid=s3cr3t; Path=/; HttpOnly");

        String redacted = redactor.redact(exchange).response().headers().get(0).value();

        assertEquals("sid=" + Fingerprint.of("s3cr3t") + "; Path=/; HttpOnly", redacted);
    }

    @Test
    void apiKeyHeaderIsMatchedWhateverItsCase() {
        assertEquals(Fingerprint.of("k-123"), requestHeader(redactor, "x-api-key", "k-123"));
    }

    @Test
    void otherHeadersAreLeftAlone() {
        assertEquals("application/json", requestHeader(redactor, "Accept", "application/json"));
    }

    @Test
    void secretQueryParametersAreRedactedAndTheRestKeepsItsEncoding() {
        Exchange exchange = withQuery("api_key=abc&q=a%20b&refresh_token=r1&limit=3&Token=t");

        String query = redactor.redact(exchange).request().rawQuery();

        assertEquals("api_key=" + Fingerprint.of("abc") + "&q=a%20b&refresh_token=" + Fingerprint.of("r1")
                + "&limit=3&Token=" + Fingerprint.of("t"), query);
    }

    @Test
    void defaultFieldNamesApplyToJsonBodiesAtAnyDepth() {
        Exchange exchange = SampleExchanges.post("s", "/oauth", List.of(), "application/json",
                "{\"user\":{\"name\":\"ann\",\"password\":\"hunter2\"},\"items\":[{\"client_secret\":\"cs\"}]}");

        String body = redactor.redact(exchange).request().body().text();

        assertEquals("{\"user\":{\"name\":\"ann\",\"password\":\"" + Fingerprint.of("hunter2")
                + "\"},\"items\":[{\"client_secret\":\"" + Fingerprint.of("cs") + "\"}]}", body);
    }

    @Test
    void jsonBodyWithoutSecretsKeepsItsExactBytes() {
        Exchange exchange = SampleExchanges.post("s", "/x", List.of(), "application/json", "{ \"a\" : 1 }");

        Body body = redactor.redact(exchange).request().body();

        assertSame(exchange.request().body(), body);
    }

    @Test
    void extraNamesReachHeadersQueryFormAndJson() {
        Redactor extra = Redactor.withExtraNames(List.of("pin", "X-Tenant-Key", "ssn"));
        Exchange form = SampleExchanges.post("s", "/v1/tokens", List.of(new Header("X-Tenant-Key", "tk")),
                "application/x-www-form-urlencoded", "card%5Bnumber%5D=4242&card[pin]=123&name=Ann");
        Exchange json = SampleExchanges.post("s", "/v1/people", List.of(), "application/json",
                "{\"person\":{\"ssn\":\"123-45-6789\"}}");

        Exchange redactedForm = extra.redact(form);

        assertEquals(Fingerprint.of("tk"), redactedForm.request().headers().get(0).value());
        assertEquals("card%5Bnumber%5D=4242&card[pin]=" + Fingerprint.of("123") + "&name=Ann",
                redactedForm.request().body().text());
        assertEquals("{\"person\":{\"ssn\":\"" + Fingerprint.of("123-45-6789") + "\"}}",
                extra.redact(json).request().body().text());
    }

    @Test
    void truncatedJsonIsStillRedacted() {
        Exchange exchange = SampleExchanges.post("s", "/x", List.of(), "application/json",
                "{\"access_token\": \"tok_live_1\", \"list\": [1, 2");

        String body = redactor.redact(exchange).request().body().text();

        assertFalse(body.contains("tok_live_1"), body);
        assertTrue(body.contains(Fingerprint.of("tok_live_1")), body);
    }

    @Test
    void locationHeaderQueryIsRedacted() {
        Exchange exchange = withResponseHeader("Location", "https://app.example.com/cb?code=1&access_token=at#x");

        String location = redactor.redact(exchange).response().headers().get(0).value();

        assertEquals("https://app.example.com/cb?code=1&access_token=" + Fingerprint.of("at") + "#x", location);
    }

    @Test
    void redactingTwiceChangesNothing() {
        String credentials = Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
        Exchange exchange = SampleExchanges.post("s", "/x", List.of(new Header("Authorization", "Basic " + credentials),
                new Header("Cookie", "a=1")), "application/json", "{\"password\":\"pw\"}");

        Exchange once = redactor.redact(exchange);
        Exchange twice = redactor.redact(once);

        assertEquals(once.request().headers(), twice.request().headers());
        assertEquals(once.request().body().text(), twice.request().body().text());
    }

    @Test
    void noneRedactsNothing() {
        Exchange exchange = withQuery("token=abc");

        assertSame(exchange, Redactor.none().redact(exchange));
        assertFalse(Redactor.none().enabled());
    }

    private static String requestHeader(Redactor redactor, String name, String value) {
        Exchange exchange = SampleExchanges.post("s", "/x", List.of(new Header(name, value)), null, "");
        return Headers.first(redactor.redact(exchange).request().headers(), name).orElseThrow();
    }

    private static Exchange withResponseHeader(String name, String value) {
        Exchange sample = SampleExchanges.get("s", "/x");
        return new Exchange(0, "s", sample.startedAt(), 1, null, sample.request(),
                new RecordedResponse(302, List.of(new Header(name, value)), Body.EMPTY), null, false);
    }

    private static Exchange withQuery(String rawQuery) {
        Exchange sample = SampleExchanges.get("s", "/x");
        RecordedRequest request = sample.request();
        return new Exchange(0, "s", sample.startedAt(), 1, null, new RecordedRequest(request.method(),
                request.scheme(), request.host(), request.port(), request.path(), rawQuery, request.headers(),
                request.body()), sample.response(), null, false);
    }
}
