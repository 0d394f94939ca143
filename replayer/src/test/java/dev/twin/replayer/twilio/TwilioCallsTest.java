package dev.twin.replayer.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.call.Recording;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.twin.replayer.testing.CallbackReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls and their recordings in examples/twilio through the Twilio SDK: queued → ringing → in-progress → completed
 * as the twin's clock moves (10 s of talk), the status callbacks StatusCallbackEvent asks for, hanging up and
 * cancelling with {@code Call.updater}, and recordings that complete with their call.
 */
class TwilioCallsTest {
    private static final String ACCOUNT = TwilioTwin.account('5');
    private static final String TOKEN = "calls_auth_token";
    private static final PhoneNumber FROM = new PhoneNumber("+15005550006");
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

    private static Call fetch(Call call) {
        return Call.fetcher(call.getSid()).fetch(client);
    }

    @Test
    void aCallRingsIsAnsweredAndCompletesAsTimePasses() {
        Call queued = Call.creator(new PhoneNumber("+15558675310"), FROM, TWIML).create(client);

        twin.advance(Duration.ofSeconds(1));
        Call ringing = fetch(queued);
        twin.advance(Duration.ofSeconds(2));
        Call answered = fetch(queued);
        twin.advance(Duration.ofSeconds(10));
        Call completed = fetch(queued);

        assertEquals(Call.Status.QUEUED, queued.getStatus());
        assertTrue(queued.getSid().matches("CA[0-9a-f]{32}"), queued.getSid());
        assertEquals("outbound-api", queued.getDirection());
        assertNull(queued.getStartTime());
        assertEquals(Call.Status.RINGING, ringing.getStatus());
        assertEquals(Call.Status.IN_PROGRESS, answered.getStatus());
        assertNotNull(answered.getStartTime());
        assertEquals(Call.Status.COMPLETED, completed.getStatus());
        assertEquals("10", completed.getDuration());
        assertEquals(answered.getStartTime().plusSeconds(10), completed.getEndTime());
        assertEquals("-0.01400", completed.getPrice());
    }

    @Test
    void everyEventStatusCallbackEventAsksForIsCalledBackInOrderAndSigned() throws Exception {
        String url = app.url("/voice/events");
        Call call = Call.creator(new PhoneNumber("+15558675311"), FROM, TWIML).setStatusCallback(URI.create(url))
                .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed")).create(client);

        twin.advance(Duration.ofSeconds(20));
        List<CallbackReceiver.Received> callbacks = app.next(4);

        assertEquals(List.of("initiated", "ringing", "in-progress", "completed"),
                callbacks.stream().map(c -> c.param("CallStatus")).toList());
        assertEquals("10", callbacks.get(3).param("CallDuration"));
        for (CallbackReceiver.Received callback : callbacks) {
            assertEquals(call.getSid(), callback.param("CallSid"));
            assertEquals(ACCOUNT, callback.param("AccountSid"));
            assertEquals("+15558675311", callback.param("To"));
            assertEquals("+15005550006", callback.param("From"));
            assertEquals("call-progress-events", callback.param("CallbackSource"));
            assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()));
        }
    }

    @Test
    void withoutStatusCallbackEventOnlyTheEndIsCalledBack() throws Exception {
        String url = app.url("/voice/end");
        Call call = Call.creator(new PhoneNumber("+15558675312"), FROM, TWIML).setStatusCallback(URI.create(url))
                .create(client);

        twin.advance(Duration.ofSeconds(20));
        CallbackReceiver.Received callback = app.next();

        // one row's callbacks arrive in order: had an earlier status been called back, it would have come first
        assertEquals("completed", callback.param("CallStatus"));
        assertEquals(call.getSid(), callback.param("CallSid"));
        assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()));
    }

    @Test
    void aStatusCallbackMethodOfGetSendsTheFieldsInTheSignedUrl() throws Exception {
        String url = app.url("/voice/get");
        Call.creator(new PhoneNumber("+15558675313"), FROM, TWIML).setStatusCallback(URI.create(url))
                .setStatusCallbackMethod(HttpMethod.GET).create(client);

        twin.advance(Duration.ofSeconds(20));
        CallbackReceiver.Received callback = app.next();

        assertEquals("GET", callback.method());
        assertEquals("completed", callback.param("CallStatus"));
        assertTrue(callback.url().startsWith(url + "?"), callback.url());
        assertTrue(new RequestValidator(TOKEN).validate(callback.url(), Map.of(), callback.signature()));
    }

    @Test
    void hangingUpAnAnsweredCallCompletesItWithItsDuration() throws Exception {
        String url = app.url("/voice/hangup");
        Call call = Call.creator(new PhoneNumber("+15558675314"), FROM, TWIML).setStatusCallback(URI.create(url))
                .create(client);
        twin.advance(Duration.ofSeconds(7)); // answered at 3 s

        Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(client);
        Call ended = fetch(call);

        assertEquals(Call.Status.COMPLETED, ended.getStatus());
        assertEquals("4", ended.getDuration());
        CallbackReceiver.Received callback = app.next();
        assertEquals("completed", callback.param("CallStatus"));
        assertEquals("4", callback.param("CallDuration"));
        twin.advance(Duration.ofSeconds(30));
        assertEquals(Call.Status.COMPLETED, fetch(call).getStatus());
    }

    @Test
    void aCallNotAnsweredYetIsCanceledByCompletingOrCancellingIt() {
        Call ringing = Call.creator(new PhoneNumber("+15558675315"), FROM, TWIML).create(client);
        Call queued = Call.creator(new PhoneNumber("+15558675316"), FROM, TWIML).create(client);
        twin.advance(Duration.ofSeconds(1));

        Call.updater(ringing.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(client);
        Call.updater(queued.getSid()).setStatus(Call.UpdateStatus.CANCELED).update(client);

        assertEquals(Call.Status.CANCELED, fetch(ringing).getStatus());
        assertEquals("0", fetch(ringing).getDuration());
        assertEquals(Call.Status.CANCELED, fetch(queued).getStatus());
    }

    @Test
    void aFinishedCallCannotBeRedirected() {
        Call call = Call.creator(new PhoneNumber("+15558675317"), FROM, TWIML).create(client);
        twin.advance(Duration.ofSeconds(20));

        ApiException refused = assertThrows(ApiException.class, () -> Call.updater(call.getSid())
                .setUrl(URI.create("http://example.com/other.xml")).update(client));

        assertEquals(21220, refused.getCode());
        assertEquals(400, refused.getStatusCode());
        assertEquals("https://www.twilio.com/docs/errors/21220", refused.getMoreInfo());
    }

    @Test
    void theReaderFiltersCallsByStatusAndTo() {
        Call talking = Call.creator(new PhoneNumber("+15558670001"), FROM, TWIML).create(client);
        twin.advance(Duration.ofSeconds(3));

        List<String> inProgress = StreamSupport.stream(Call.reader().setStatus(Call.Status.IN_PROGRESS).read(client)
                .spliterator(), false).map(Call::getSid).toList();
        List<String> toThatNumber = StreamSupport.stream(Call.reader().setTo(new PhoneNumber("+15558670001"))
                .read(client).spliterator(), false).map(Call::getSid).toList();

        assertEquals(List.of(talking.getSid()), inProgress);
        assertEquals(List.of(talking.getSid()), toThatNumber);
        twin.advance(Duration.ofSeconds(20));
    }

    @Test
    void aRecordingStartedOnAnAnsweredCallCompletesWithTheCallAndIsCalledBack() throws Exception {
        String url = app.url("/voice/recording");
        Call call = Call.creator(new PhoneNumber("+15558675318"), FROM, TWIML).create(client);
        twin.advance(Duration.ofSeconds(3));

        Recording recording = Recording.creator(call.getSid()).setRecordingStatusCallback(URI.create(url))
                .create(client);
        twin.advance(Duration.ofSeconds(10));
        Recording done = Recording.fetcher(call.getSid(), recording.getSid()).fetch(client);
        com.twilio.rest.api.v2010.account.Recording accountWide = com.twilio.rest.api.v2010.account.Recording
                .fetcher(recording.getSid()).fetch(client);
        List<String> ofTheCall = StreamSupport.stream(Recording.reader(call.getSid()).read(client).spliterator(),
                false).map(Recording::getSid).toList();

        assertEquals(Recording.Status.IN_PROGRESS, recording.getStatus());
        assertTrue(recording.getSid().matches("RE[0-9a-f]{32}"), recording.getSid());
        assertEquals(Recording.Status.COMPLETED, done.getStatus());
        assertEquals("10", done.getDuration());
        assertEquals(call.getSid(), accountWide.getCallSid());
        assertEquals(com.twilio.rest.api.v2010.account.Recording.Status.COMPLETED, accountWide.getStatus());
        assertEquals(List.of(recording.getSid()), ofTheCall);
        CallbackReceiver.Received callback = app.next();
        assertEquals(recording.getSid(), callback.param("RecordingSid"));
        assertEquals("completed", callback.param("RecordingStatus"));
        assertEquals("10", callback.param("RecordingDuration"));
        assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()));
    }

    @Test
    void aStoppedRecordingCompletesASecondLater() {
        Call call = Call.creator(new PhoneNumber("+15558675319"), FROM, TWIML).create(client);
        twin.advance(Duration.ofSeconds(3));
        Recording recording = Recording.creator(call.getSid()).create(client);
        twin.advance(Duration.ofSeconds(2));

        Recording stopped = Recording.updater(call.getSid(), recording.getSid(), Recording.Status.STOPPED)
                .update(client);
        twin.advance(Duration.ofSeconds(1));
        Recording completed = Recording.fetcher(call.getSid(), recording.getSid()).fetch(client);

        assertEquals(Recording.Status.STOPPED, stopped.getStatus());
        assertEquals(Recording.Status.COMPLETED, completed.getStatus());
        assertEquals("2", completed.getDuration());
        twin.advance(Duration.ofSeconds(20));
    }

    @Test
    void aCallNotAnsweredCannotBeRecorded() {
        Call call = Call.creator(new PhoneNumber("+15558675320"), FROM, TWIML).create(client);

        ApiException refused = assertThrows(ApiException.class, () -> Recording.creator(call.getSid()).create(client));

        assertEquals(21220, refused.getCode());
        twin.advance(Duration.ofSeconds(20));
    }
}
