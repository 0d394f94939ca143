package dev.twin.recorder.redact;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Card data is redacted in forms, queries and JSON whatever the field is called. */
class CardDataRedactionTest {
    private final Redactor redactor = Redactor.defaults();

    @Test
    void stripeCardFormFieldsAreMaskedAndMarked() {
        String body = redactedBody("application/x-www-form-urlencoded",
                "card[number]=4242424242424242&card[cvc]=123&card[exp_month]=12&card[exp_year]=2030&currency=usd");

        assertEquals("card[number]=4200000000004242&card[cvc]=redacted:cvc&card[exp_month]=redacted:expiry"
                + "&card[exp_year]=redacted:expiry&currency=usd", body);
    }

    @Test
    void percentEncodedNamesAreMatchedAfterDecoding() {
        String body = redactedBody("application/x-www-form-urlencoded",
                "card%5Bnumber%5D=4242+4242+4242+4242&card%5Bcvc%5D=123");

        assertEquals("card%5Bnumber%5D=4200+0000+0000+4242&card%5Bcvc%5D=redacted:cvc", body);
    }

    @Test
    void aCardNumberInAFieldOfAnyNameIsMasked() {
        String body = redactedBody("application/x-www-form-urlencoded", "note=5555555555554444&amount=100");

        assertEquals("note=5500000000004444&amount=100", body);
    }

    @Test
    void expiryFieldsStayWithoutACardNumber() {
        String body = redactedBody("application/x-www-form-urlencoded", "exp_month=12&exp_year=2030");

        assertEquals("exp_month=12&exp_year=2030", body);
    }

    @Test
    void nestedJsonCardFieldsAreRedactedAndANumericCardStaysANumber() {
        String body = redactedBody("application/json",
                "{\"card\":{\"number\":\"4242424242424242\",\"cvc\":\"123\",\"exp_month\":12},\"ids\":[4242424242424242]}");

        assertEquals("{\"card\":{\"number\":\"4200000000004242\",\"cvc\":\"redacted:cvc\",\"exp_month\":\"redacted:expiry\"},"
                + "\"ids\":[4200000000004242]}", body);
    }

    @Test
    void queryCardDataIsRedacted() {
        RecordedRequest request = new RecordedRequest("GET", "https", "api.example.com", 443, "/v1/check",
                "pan=4242424242424242&cvv=999", List.of(), Body.EMPTY);

        Exchange redacted = redactor.redact(exchange(request));

        assertEquals("pan=4200000000004242&cvv=redacted:cvc", redacted.request().rawQuery());
    }

    @Test
    void redactingTwiceChangesNothing() {
        String once = redactedBody("application/x-www-form-urlencoded", "card[number]=4242424242424242&card[cvc]=123");

        assertEquals(once, redactedBody("application/x-www-form-urlencoded", once));
    }

    private String redactedBody(String contentType, String body) {
        RecordedRequest request = new RecordedRequest("POST", "https", "api.example.com", 443, "/v1/tokens", null,
                List.of(new Header("Content-Type", contentType)), Body.of(body));
        return redactor.redact(exchange(request)).request().body().text();
    }

    private static Exchange exchange(RecordedRequest request) {
        return new Exchange(0, "s", Instant.EPOCH, 1, "127.0.0.1:1", request, null, null, false);
    }
}
