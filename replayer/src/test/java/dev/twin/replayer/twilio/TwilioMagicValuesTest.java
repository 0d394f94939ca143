package dev.twin.replayer.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.twin.replayer.testing.CallbackReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every magic number of examples/twilio, through the Twilio SDK: Twilio's test-credential numbers refused when the
 * request is made (with Twilio's code), and the twin's own numbers that fail after being accepted (a message
 * undelivered or failed, a call busy, unanswered or failed), with the status callback that reports it.
 */
class TwilioMagicValuesTest {
    private static final String ACCOUNT = TwilioTwin.account('8');
    private static final String TOKEN = "magic_token";
    private static final PhoneNumber VALID_FROM = new PhoneNumber("+15005550006");
    private static final PhoneNumber SOMEONE = new PhoneNumber("+15558675310");
    private static final URI TWIML = URI.create("http://demo.twilio.com/docs/voice.xml");

    private static TwilioTwin twin;
    private static TwilioRestClient client;
    private static CallbackReceiver app;

    @BeforeAll
    static void start() throws Exception {
        twin = TwilioTwin.start();
        client = twin.client(ACCOUNT, TOKEN);
        app = new CallbackReceiver();
    }

    @AfterAll
    static void stop() {
        app.close();
        twin.close();
    }

    @ParameterizedTest(name = "message {0} {1} → {2}")
    @CsvSource({
        "From, +15005550001, 21212",
        "From, +15005550007, 21606",
        "From, +15005550008, 21611",
        "To, +15005550001, 21211",
        "To, +15005550002, 21612",
        "To, +15005550003, 21408",
        "To, +15005550004, 21610",
        "To, +15005550009, 21614",
    })
    void aMagicNumberRefusesTheMessageWithTwiliosCode(String field, String number, int code) {
        PhoneNumber to = field.equals("To") ? new PhoneNumber(number) : SOMEONE;
        PhoneNumber from = field.equals("From") ? new PhoneNumber(number) : VALID_FROM;
        String body = "magic " + field + " " + number;

        ApiException refused = assertThrows(ApiException.class, () -> Message.creator(to, from, body).create(client));

        assertEquals(code, refused.getCode());
        assertEquals(400, refused.getStatusCode());
        assertEquals("https://www.twilio.com/docs/errors/" + code, refused.getMoreInfo());
        assertTrue(StreamSupport.stream(Message.reader().read(client).spliterator(), false)
                .noneMatch(message -> body.equals(message.getBody())), "a refused message is not stored");
    }

    @ParameterizedTest(name = "call {0} {1} → {2}")
    @CsvSource({
        "From, +15005550001, 21212",
        "From, +15005550007, 21210",
        "To, +15005550001, 21217",
        "To, +15005550002, 21214",
        "To, +15005550003, 21215",
        "To, +15005550004, 21216",
    })
    void aMagicNumberRefusesTheCallWithTwiliosCode(String field, String number, int code) {
        PhoneNumber to = field.equals("To") ? new PhoneNumber(number) : SOMEONE;
        PhoneNumber from = field.equals("From") ? new PhoneNumber(number) : VALID_FROM;

        ApiException refused = assertThrows(ApiException.class, () -> Call.creator(to, from, TWIML).create(client));

        assertEquals(code, refused.getCode());
        assertEquals(400, refused.getStatusCode());
    }

    @ParameterizedTest(name = "buying {0} → {1}")
    @CsvSource({
        "+15005550000, 21422, PhoneNumber +15005550000 is not available.",
        "+15005550001, 21421, PhoneNumber is invalid.",
    })
    void aMagicNumberCannotBeBought(String number, int code, String message) {
        ApiException refused = assertThrows(ApiException.class,
                () -> IncomingPhoneNumber.creator(new PhoneNumber(number)).create(client));

        assertEquals(code, refused.getCode());
        assertEquals(message, refused.getMessage());
    }

    @Test
    void areaCode533HasNoNumbersAndTheValidMagicNumberCanBeBought() {
        ApiException none = assertThrows(ApiException.class, () -> IncomingPhoneNumber.creator("533").create(client));
        IncomingPhoneNumber bought = IncomingPhoneNumber.creator(VALID_FROM).create(client);

        assertEquals(21452, none.getCode());
        assertEquals("+15005550006", bought.getPhoneNumber().toString());
    }

    @ParameterizedTest(name = "message to {0} ends {1} with {2}")
    @CsvSource({
        "+15005550010, undelivered, 30003, Unreachable destination handset",
        "+15005550011, undelivered, 30006, Landline or unreachable carrier",
        "+15005550012, failed, 30008, Unknown error",
    })
    void aMessageToATwinMagicNumberIsAcceptedThenFails(String to, String status, int code, String error)
            throws Exception {
        String url = app.url("/magic/sms/" + to);
        Message accepted = Message.creator(new PhoneNumber(to), VALID_FROM, "will not arrive")
                .setStatusCallback(URI.create(url)).create(client);

        twin.advance(Duration.ofSeconds(10));
        Message ended = Message.fetcher(accepted.getSid()).fetch(client);
        List<CallbackReceiver.Received> callbacks = app.next(status.equals("failed") ? 1 : 2);
        CallbackReceiver.Received last = callbacks.get(callbacks.size() - 1);

        assertEquals(Message.Status.QUEUED, accepted.getStatus());
        assertEquals(Message.Status.forValue(status), ended.getStatus());
        assertEquals(code, ended.getErrorCode());
        assertEquals(error, ended.getErrorMessage());
        assertEquals(status, last.param("MessageStatus"));
        assertEquals(String.valueOf(code), last.param("ErrorCode"));
        assertTrue(new RequestValidator(TOKEN).validate(url, last.params(), last.signature()));
    }

    @ParameterizedTest(name = "call to {0} ends {1}")
    @CsvSource({
        "+15005550013, busy",
        "+15005550014, no-answer",
        "+15005550015, failed",
    })
    void aCallToATwinMagicNumberIsNeverAnswered(String to, String status) throws Exception {
        String url = app.url("/magic/voice/" + to);
        Call call = Call.creator(new PhoneNumber(to), VALID_FROM, TWIML).setStatusCallback(URI.create(url))
                .create(client);

        twin.advance(Duration.ofSeconds(10));
        Call ended = Call.fetcher(call.getSid()).fetch(client);
        CallbackReceiver.Received callback = app.next();

        assertEquals(Call.Status.forValue(status), ended.getStatus());
        assertEquals("0", ended.getDuration());
        assertEquals(status, callback.param("CallStatus"));
        assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()));
    }

    @Test
    void theTwinScenarioHeaderForcesAMagicAnswerOnAnyNumber() throws Exception {
        String path = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Twin-Scenario", "to_blocked")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B15558675310&From=%2B15005550006&Body=forced"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(response.body());

        assertEquals(400, response.statusCode());
        assertEquals(21610, body.get("code").asInt());
        assertEquals("to_blocked", response.headers().firstValue("Twin-Scenario").orElse(""));
        assertFalse(StreamSupport.stream(Message.reader().read(client).spliterator(), false)
                .anyMatch(message -> "forced".equals(message.getBody())));
    }
}
