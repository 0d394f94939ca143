package dev.twin.replayer.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.twin.replayer.internal.callback.CallbackDelivery;
import dev.twin.replayer.testing.CallbackReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message's life in examples/twilio through the Twilio SDK: queued → sending → sent → delivered as the twin's
 * (manual) clock moves, with Twilio's status callbacks POSTed to a real HTTP server and checked with the SDK's
 * {@link RequestValidator}.
 */
class TwilioMessagesTest {
    private static final String ACCOUNT = TwilioTwin.account('3');
    private static final String TOKEN = "messages_auth_token";
    private static final PhoneNumber FROM = new PhoneNumber("+15005550006");

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

    @Test
    void aMessageIsQueuedThenSendingThenSentThenDeliveredAsTimePasses() {
        Message created = Message.creator(new PhoneNumber("+15558675310"), FROM, "Your code is 1234").create(client);
        ZonedDateTime createdAt = ZonedDateTime.ofInstant(twin.now(), ZoneOffset.UTC);

        twin.advance(Duration.ofSeconds(1));
        Message sending = Message.fetcher(created.getSid()).fetch(client);
        twin.advance(Duration.ofSeconds(1));
        Message sent = Message.fetcher(created.getSid()).fetch(client);
        twin.advance(Duration.ofSeconds(2));
        Message delivered = Message.fetcher(created.getSid()).fetch(client);

        assertEquals(Message.Status.QUEUED, created.getStatus());
        assertNull(created.getDateSent());
        assertEquals(Message.Status.SENDING, sending.getStatus());
        assertEquals(Message.Status.SENT, sent.getStatus());
        assertEquals(createdAt.plusSeconds(2).toInstant(), sent.getDateSent().toInstant());
        assertEquals("-0.00790", sent.getPrice());
        assertEquals(Message.Status.DELIVERED, delivered.getStatus());
        assertEquals(createdAt.plusSeconds(4).toInstant(), delivered.getDateUpdated().toInstant());
        assertNull(delivered.getErrorCode());
    }

    @Test
    void sentAndDeliveredAreCalledBackSignedAsTheSdksRequestValidatorChecks() throws Exception {
        String url = app.url("/sms/status");
        Message created = Message.creator(new PhoneNumber("+15558675311"), FROM, "hi")
                .setStatusCallback(URI.create(url)).create(client);

        twin.advance(Duration.ofSeconds(10));
        List<CallbackReceiver.Received> callbacks = app.next(2);

        assertEquals(List.of("sent", "delivered"), callbacks.stream().map(c -> c.param("MessageStatus")).toList());
        for (CallbackReceiver.Received callback : callbacks) {
            assertEquals("POST", callback.method());
            assertTrue(callback.contentType().startsWith("application/x-www-form-urlencoded"), callback.contentType());
            assertEquals(created.getSid(), callback.param("MessageSid"));
            assertEquals(created.getSid(), callback.param("SmsSid"));
            assertEquals(callback.param("MessageStatus"), callback.param("SmsStatus"));
            assertEquals(ACCOUNT, callback.param("AccountSid"));
            assertEquals("+15005550006", callback.param("From"));
            assertEquals("+15558675311", callback.param("To"));
            assertEquals("2010-04-01", callback.param("ApiVersion"));
            assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()),
                    "X-Twilio-Signature " + callback.signature() + " of " + callback.params());
            assertFalse(new RequestValidator("another_token").validate(url, callback.params(), callback.signature()));
        }
    }

    @Test
    void aMessageWithoutStatusCallbackCausesNoCallback() {
        long before = twin.callbacksMade();
        Message created = Message.creator(new PhoneNumber("+15558675312"), FROM, "quiet").create(client);

        twin.advance(Duration.ofSeconds(10));

        assertEquals(Message.Status.DELIVERED, Message.fetcher(created.getSid()).fetch(client).getStatus());
        assertEquals(before, twin.callbacksMade());
    }

    @Test
    void aCallbackToAHostThatIsNotLoopbackIsRefusedAndLoggedWithoutConnecting() {
        Message created = Message.creator(new PhoneNumber("+15558675313"), FROM, "elsewhere")
                .setStatusCallback(URI.create("http://hooks.example.com/sms")).create(client);

        twin.advance(Duration.ofSeconds(10));

        List<CallbackDelivery> refused = twin.callbackLog().stream()
                .filter(delivery -> delivery.id().equals(created.getSid())).toList();
        assertEquals(2, refused.size(), refused.toString());
        for (CallbackDelivery delivery : refused) {
            assertEquals(0, delivery.status());
            assertEquals("http://hooks.example.com/sms", delivery.url());
            assertTrue(delivery.error().contains("host hooks.example.com is not loopback and not in "
                    + "callbacks.allowHosts"), delivery.error());
        }
    }

    @Test
    void aMessagingServiceMessageIsAcceptedThenQueuedFromANumberOfTheService() throws Exception {
        String url = app.url("/sms/service");
        Message accepted = Message.creator(new PhoneNumber("+15558675314"), "MG" + "1".repeat(32), "via service")
                .setStatusCallback(URI.create(url)).create(client);

        twin.advance(Duration.ofSeconds(1));
        Message queued = Message.fetcher(accepted.getSid()).fetch(client);
        CallbackReceiver.Received callback = app.next();
        twin.advance(Duration.ofSeconds(10));
        app.next(2);

        assertEquals(Message.Status.ACCEPTED, accepted.getStatus());
        assertEquals("MG" + "1".repeat(32), accepted.getMessagingServiceSid());
        assertEquals(Message.Status.QUEUED, queued.getStatus());
        assertEquals("+15005550006", queued.getFrom().toString());
        assertEquals("queued", callback.param("MessageStatus"));
        assertEquals("MG" + "1".repeat(32), callback.param("MessagingServiceSid"));
        assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()));
    }

    @Test
    void aLongBodyCountsItsSegments() {
        Message created = Message.creator(new PhoneNumber("+15558675315"), FROM, "x".repeat(400)).create(client);

        assertEquals("3", created.getNumSegments());
        assertEquals("0", created.getNumMedia());
        assertEquals(Message.Direction.OUTBOUND_API, created.getDirection());
    }
}
