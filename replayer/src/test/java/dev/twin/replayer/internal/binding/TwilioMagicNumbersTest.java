package dev.twin.replayer.internal.binding;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Twilio's magic test numbers in examples/twilio, through the official Twilio SDK over real HTTP. */
class TwilioMagicNumbersTest {
    private static final String ACCOUNT = "AC" + "7".repeat(32);
    private static RunningTwin twin;
    private static TwilioRestClient client;

    @BeforeAll
    static void start() throws Exception {
        twin = RunningTwin.example("twilio");
        client = new TwilioRestClient.Builder(ACCOUNT, "auth_token")
                .httpClient(new TwinTwilioHttpClient(twin.baseUrl())).build();
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void validMagicFromNumberSendsAMessage() {
        Message sent = Message.creator(new PhoneNumber("+15558675310"), new PhoneNumber("+15005550006"), "hi")
                .create(client);

        assertEquals(Message.Status.QUEUED, sent.getStatus());
        assertEquals("+15005550006", sent.getFrom().toString());
    }

    @Test
    void invalidMagicToNumberRaisesApiException21211() {
        ApiException invalid = assertThrows(ApiException.class, () -> Message.creator(
                new PhoneNumber("+15005550001"), new PhoneNumber("+15005550006"), "hi").create(client));

        assertEquals(21211, invalid.getCode());
        assertEquals(400, invalid.getStatusCode());
        assertEquals("The 'To' number +15005550001 is not a valid phone number.", invalid.getMessage());
        assertEquals("https://www.twilio.com/docs/errors/21211", invalid.getMoreInfo());
    }

    @Test
    void rejectedMessageIsNotStored() {
        assertThrows(ApiException.class, () -> Message.creator(new PhoneNumber("+15005550001"),
                new PhoneNumber("+15005550006"), "never stored").create(client));

        for (Message message : Message.reader().read(client)) {
            assertEquals("+15005550006", message.getFrom().toString(), "only accepted messages are listed");
            org.junit.jupiter.api.Assertions.assertNotEquals("never stored", message.getBody());
        }
    }

    @Test
    void magicFromNumberThatIsNotOwnedRaises21606() {
        ApiException notOwned = assertThrows(ApiException.class, () -> Message.creator(
                new PhoneNumber("+15558675310"), new PhoneNumber("+15005550007"), "hi").create(client));

        assertEquals(21606, notOwned.getCode());
    }
}
