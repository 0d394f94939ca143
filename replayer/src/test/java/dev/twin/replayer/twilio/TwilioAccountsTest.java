package dev.twin.replayer.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.twin.replayer.testing.CallbackReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts and subaccounts in examples/twilio through the Twilio SDK: your own account, a subaccount made, listed,
 * renamed, suspended, and used with its own SID and auth token — its messages its own, its callbacks signed with
 * its token.
 */
class TwilioAccountsTest {
    private static final String MAIN = TwilioTwin.account('6');

    private static TwilioTwin twin;
    private static TwilioRestClient main;

    @BeforeAll
    static void start() throws Exception {
        twin = TwilioTwin.start();
        main = twin.client(MAIN, "main_token");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void yourOwnAccountIsThereWhenYouFetchIt() {
        Account own = Account.fetcher(MAIN).fetch(main);

        assertEquals(MAIN, own.getSid());
        assertEquals(Account.Status.ACTIVE, own.getStatus());
        assertEquals(Account.Type.FULL, own.getType());
        assertEquals(MAIN, own.getOwnerAccountSid());
        assertEquals("/2010-04-01/Accounts/" + MAIN + ".json", own.getUri());
    }

    @Test
    void anotherAccountThatIsNotYoursIsNotFound() {
        ApiException missing = assertThrows(ApiException.class,
                () -> Account.fetcher(TwilioTwin.account('9')).fetch(main));

        assertEquals(20404, missing.getCode());
    }

    @Test
    void aSubaccountIsCreatedListedRenamedAndSuspended() {
        Account sub = Account.creator().setFriendlyName("Customer 42").create(main);

        List<String> listed = StreamSupport.stream(Account.reader().read(main).spliterator(), false)
                .map(Account::getSid).toList();
        Account renamed = Account.updater(sub.getSid()).setFriendlyName("Customer 42 (EU)").update(main);
        Account suspended = Account.updater(sub.getSid()).setStatus(Account.Status.SUSPENDED).update(main);

        assertTrue(sub.getSid().matches("AC[0-9a-f]{32}"), sub.getSid());
        assertTrue(sub.getAuthToken().matches("[0-9a-f]{32}"), sub.getAuthToken());
        assertEquals(MAIN, sub.getOwnerAccountSid());
        assertEquals(Account.Status.ACTIVE, sub.getStatus());
        assertTrue(listed.contains(sub.getSid()), listed.toString());
        assertEquals("Customer 42 (EU)", renamed.getFriendlyName());
        assertEquals(Account.Status.SUSPENDED, suspended.getStatus());
        assertEquals(Account.Status.SUSPENDED, Account.fetcher(sub.getSid()).fetch(main).getStatus());
    }

    @Test
    void aSubaccountWithoutANameGetsTwiliosDefault() {
        Account sub = Account.creator().create(main);

        assertTrue(sub.getFriendlyName().startsWith("SubAccount Created at "), sub.getFriendlyName());
    }

    @Test
    void aSubaccountSendsWithItsOwnCredentialsAndItsCallbacksAreSignedWithItsToken() throws Exception {
        Account sub = Account.creator().setFriendlyName("Tenant").create(main);
        TwilioRestClient subClient = twin.client(sub.getSid(), sub.getAuthToken());
        try (CallbackReceiver app = new CallbackReceiver()) {
            String url = app.url("/tenant/sms");

            Message message = Message.creator(new PhoneNumber("+15558675310"), new PhoneNumber("+15005550006"),
                    "from the subaccount").setStatusCallback(URI.create(url)).create(subClient);
            twin.advance(Duration.ofSeconds(10));
            List<CallbackReceiver.Received> callbacks = app.next(2);

            assertEquals(sub.getSid(), message.getAccountSid());
            for (CallbackReceiver.Received callback : callbacks) {
                assertEquals(sub.getSid(), callback.param("AccountSid"));
                assertTrue(new RequestValidator(sub.getAuthToken()).validate(url, callback.params(),
                        callback.signature()));
            }
            List<String> mainMessages = StreamSupport.stream(Message.reader().read(main).spliterator(), false)
                    .map(Message::getSid).toList();
            assertTrue(!mainMessages.contains(message.getSid()), "the main account does not list it");
            assertEquals(Account.Status.ACTIVE, Account.fetcher(sub.getSid()).fetch(subClient).getStatus());
        }
    }
}
