package dev.twin.replayer.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.twin.replayer.testing.CallbackReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conferences in examples/twilio through the Twilio SDK: participants dialled into a conference named on the fly,
 * connected as time passes, muted, kicked, and the conference ended — its participants' calls completed with it.
 */
class TwilioConferencesTest {
    private static final String ACCOUNT = TwilioTwin.account('7');
    private static final String TOKEN = "conference_token";
    private static final PhoneNumber FROM = new PhoneNumber("+15005550006");

    private static TwilioTwin twin;
    private static TwilioRestClient client;

    @BeforeAll
    static void start() throws Exception {
        twin = TwilioTwin.start();
        client = twin.client(ACCOUNT, TOKEN);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    private static List<Participant> participants(String conference) {
        return StreamSupport.stream(Participant.reader(conference).read(client).spliterator(), false).toList();
    }

    @Test
    void participantsDialledIntoANamedConferenceShareItAndConnect() {
        Participant alice = Participant.creator("daily-standup", FROM, new PhoneNumber("+15558670010"))
                .setLabel("alice").create(client);
        Participant bob = Participant.creator("daily-standup", FROM, new PhoneNumber("+15558670011")).create(client);

        twin.advance(Duration.ofSeconds(3));
        Conference conference = Conference.fetcher(alice.getConferenceSid()).fetch(client);
        List<Participant> inIt = participants(conference.getSid());

        assertEquals(Participant.Status.QUEUED, alice.getStatus());
        assertEquals(alice.getConferenceSid(), bob.getConferenceSid());
        assertTrue(conference.getSid().matches("CF[0-9a-f]{32}"), conference.getSid());
        assertEquals("daily-standup", conference.getFriendlyName());
        assertEquals(Conference.Status.IN_PROGRESS, conference.getStatus());
        assertEquals(2, inIt.size());
        assertTrue(inIt.stream().allMatch(p -> p.getStatus() == Participant.Status.CONNECTED), inIt.toString());
        assertEquals(Call.Status.IN_PROGRESS, Call.fetcher(alice.getCallSid()).fetch(client).getStatus());
        assertEquals("alice", Participant.fetcher(conference.getSid(), alice.getCallSid()).fetch(client).getLabel());
        twin.advance(Duration.ofMinutes(5));
        assertEquals(Call.Status.IN_PROGRESS, Call.fetcher(alice.getCallSid()).fetch(client).getStatus(),
                "a call in a conference lasts until it leaves");
    }

    @Test
    void conferencesAreListedByStatusAndName() {
        Participant carol = Participant.creator("sales-sync", FROM, new PhoneNumber("+15558670020")).create(client);

        List<String> inProgress = StreamSupport.stream(Conference.reader().setStatus(Conference.Status.IN_PROGRESS)
                .setFriendlyName("sales-sync").read(client).spliterator(), false).map(Conference::getSid).toList();

        assertEquals(List.of(carol.getConferenceSid()), inProgress);
    }

    @Test
    void aParticipantIsMutedAndPutOnHold() {
        Participant dave = Participant.creator("support-room", FROM, new PhoneNumber("+15558670030")).create(client);

        Participant muted = Participant.updater(dave.getConferenceSid(), dave.getCallSid()).setMuted(true)
                .setHold(true).update(client);

        assertTrue(muted.getMuted());
        assertTrue(muted.getHold());
        assertTrue(Participant.fetcher(dave.getConferenceSid(), dave.getCallSid()).fetch(client).getMuted());
    }

    @Test
    void aKickedParticipantsCallCompletesAndTheLastOneEndsTheConference() {
        Participant erin = Participant.creator("one-on-one", FROM, new PhoneNumber("+15558670040")).create(client);
        Participant frank = Participant.creator("one-on-one", FROM, new PhoneNumber("+15558670041")).create(client);
        twin.advance(Duration.ofSeconds(3));

        boolean kicked = Participant.deleter(erin.getConferenceSid(), erin.getCallSid()).delete(client);
        Call erinsCall = Call.fetcher(erin.getCallSid()).fetch(client);
        Conference stillOn = Conference.fetcher(erin.getConferenceSid()).fetch(client);
        List<String> staying = participants(erin.getConferenceSid()).stream().map(Participant::getCallSid).toList();
        Participant.deleter(frank.getConferenceSid(), frank.getCallSid()).delete(client);
        Conference ended = Conference.fetcher(erin.getConferenceSid()).fetch(client);

        assertTrue(kicked);
        assertEquals(Call.Status.COMPLETED, erinsCall.getStatus());
        assertEquals(Conference.Status.IN_PROGRESS, stillOn.getStatus());
        assertEquals(List.of(frank.getCallSid()), staying);
        assertEquals(Conference.Status.COMPLETED, ended.getStatus());
        assertEquals(Conference.ReasonConferenceEnded.LAST_PARTICIPANT_KICKED, ended.getReasonConferenceEnded());
        assertEquals(frank.getCallSid(), ended.getCallSidEndingConference());
        ApiException gone = assertThrows(ApiException.class,
                () -> Participant.fetcher(erin.getConferenceSid(), erin.getCallSid()).fetch(client));
        assertEquals(20404, gone.getCode());
    }

    @Test
    void endingAConferenceCompletesItsCallsAndCallsItBack() throws Exception {
        try (CallbackReceiver app = new CallbackReceiver()) {
            String url = app.url("/conference/events");
            Participant grace = Participant.creator("all-hands", FROM, new PhoneNumber("+15558670050"))
                    .setConferenceStatusCallback(url).setConferenceStatusCallbackEvent(List.of("start", "end"))
                    .create(client);
            Participant heidi = Participant.creator("all-hands", FROM, new PhoneNumber("+15558670051"))
                    .create(client);
            twin.advance(Duration.ofSeconds(3));

            Conference ended = Conference.updater(grace.getConferenceSid()).setStatus(Conference.UpdateStatus.COMPLETED)
                    .update(client);
            List<CallbackReceiver.Received> callbacks = app.next(2);

            assertEquals(Conference.Status.COMPLETED, ended.getStatus());
            assertEquals(Conference.ReasonConferenceEnded.CONFERENCE_ENDED_VIA_API, ended.getReasonConferenceEnded());
            assertEquals(List.of(), participants(grace.getConferenceSid()));
            assertEquals(Call.Status.COMPLETED, Call.fetcher(grace.getCallSid()).fetch(client).getStatus());
            assertEquals(Call.Status.COMPLETED, Call.fetcher(heidi.getCallSid()).fetch(client).getStatus());
            assertEquals(List.of("conference-start", "conference-end"),
                    callbacks.stream().map(c -> c.param("StatusCallbackEvent")).toList());
            for (CallbackReceiver.Received callback : callbacks) {
                assertEquals(grace.getConferenceSid(), callback.param("ConferenceSid"));
                assertEquals("all-hands", callback.param("FriendlyName"));
                assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()));
            }
        }
    }

    @Test
    void participantsJoiningAndLeavingAreCalledBackWhenAsked() throws Exception {
        try (CallbackReceiver app = new CallbackReceiver()) {
            String url = app.url("/conference/participants");
            Participant ivan = Participant.creator("retro", FROM, new PhoneNumber("+15558670070"))
                    .setConferenceStatusCallback(url)
                    .setConferenceStatusCallbackEvent(List.of("start", "end", "join", "leave")).create(client);
            Participant judy = Participant.creator("retro", FROM, new PhoneNumber("+15558670071")).create(client);
            twin.advance(Duration.ofSeconds(3));
            List<CallbackReceiver.Received> joined = app.next(3);

            Participant.deleter(ivan.getConferenceSid(), ivan.getCallSid()).delete(client);
            List<CallbackReceiver.Received> kicked = app.next(1);
            Conference.updater(ivan.getConferenceSid()).setStatus(Conference.UpdateStatus.COMPLETED).update(client);
            List<CallbackReceiver.Received> ended = app.next(2);

            // one row's callbacks come in order, different rows' in any
            assertEquals(Set.of("conference-start null", "participant-join " + ivan.getCallSid(),
                    "participant-join " + judy.getCallSid()), joined.stream()
                    .map(c -> c.param("StatusCallbackEvent") + " " + c.param("CallSid")).collect(Collectors.toSet()));
            assertEquals("participant-leave", kicked.get(0).param("StatusCallbackEvent"));
            assertEquals(ivan.getCallSid(), kicked.get(0).param("CallSid"));
            assertEquals(Set.of("participant-leave " + judy.getCallSid(), "conference-end null"), ended.stream()
                    .map(c -> c.param("StatusCallbackEvent") + " " + c.param("CallSid")).collect(Collectors.toSet()));
            for (CallbackReceiver.Received callback : List.of(joined, kicked, ended).stream().flatMap(List::stream)
                    .toList()) {
                assertEquals(ivan.getConferenceSid(), callback.param("ConferenceSid"));
                assertTrue(new RequestValidator(TOKEN).validate(url, callback.params(), callback.signature()));
            }
        }
    }

    @Test
    void aConferenceSidThatDoesNotExistIsNotFound() {
        ApiException missing = assertThrows(ApiException.class, () -> Participant.creator("CF" + "0".repeat(32),
                FROM, new PhoneNumber("+15558670060")).create(client));

        assertEquals(20404, missing.getCode());
        assertEquals(404, missing.getStatusCode());
    }
}
