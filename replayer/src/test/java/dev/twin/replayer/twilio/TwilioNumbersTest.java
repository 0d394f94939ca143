package dev.twin.replayer.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Buying, configuring and releasing numbers in examples/twilio through the Twilio SDK: the available local numbers
 * by area code and region, a number bought by itself or by area code (and gone from what another purchase can
 * take), updated, listed by number and released. Each test buys with its own account, so each sees every number.
 */
class TwilioNumbersTest {
    private static TwilioTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = TwilioTwin.start();
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    private static TwilioRestClient client(char account) {
        return twin.client(TwilioTwin.account(account), "token");
    }

    private static List<String> available(TwilioRestClient client, Integer areaCode) {
        var reader = Local.reader("US");
        if (areaCode != null) {
            reader.setAreaCode(areaCode);
        }
        return StreamSupport.stream(reader.read(client).spliterator(), false)
                .map(local -> local.getPhoneNumber().toString()).sorted().toList();
    }

    @Test
    void availableLocalNumbersAreListedByAreaCodeAndRegion() {
        TwilioRestClient client = client('a');

        List<Local> sanFrancisco = StreamSupport.stream(Local.reader("US").setAreaCode(415).read(client)
                .spliterator(), false).toList();
        List<String> newYork = StreamSupport.stream(Local.reader("US").setInRegion("NY").read(client)
                .spliterator(), false).map(local -> local.getPhoneNumber().toString()).sorted().toList();
        List<String> british = StreamSupport.stream(Local.reader("GB").read(client).spliterator(), false)
                .map(local -> local.getPhoneNumber().toString()).toList();

        assertEquals(List.of("+14155550100", "+14155550101", "+14155550102"),
                sanFrancisco.stream().map(local -> local.getPhoneNumber().toString()).sorted().toList());
        assertTrue(sanFrancisco.stream().allMatch(local -> local.getLocality().equals("San Francisco")
                && local.getRegion().equals("CA") && local.getIsoCountry().equals("US")));
        assertEquals(List.of("+12125550100", "+12125550101"), newYork);
        assertEquals(List.of("+442075550100"), british);
    }

    @Test
    void aBoughtNumberIsOwnedConfiguredAndNoLongerAvailable() {
        TwilioRestClient client = client('b');

        IncomingPhoneNumber bought = IncomingPhoneNumber.creator(new PhoneNumber("+14155550101"))
                .setVoiceUrl(URI.create("https://app.example.com/voice")).setFriendlyName("Support line")
                .create(client);
        IncomingPhoneNumber fetched = IncomingPhoneNumber.fetcher(bought.getSid()).fetch(client);

        assertTrue(bought.getSid().matches("PN[0-9a-f]{32}"), bought.getSid());
        assertEquals("+14155550101", fetched.getPhoneNumber().toString());
        assertEquals("Support line", fetched.getFriendlyName());
        assertEquals(URI.create("https://app.example.com/voice"), fetched.getVoiceUrl());
        assertEquals(HttpMethod.POST, fetched.getVoiceMethod());
        assertTrue(fetched.getCapabilities().getSms());
        assertEquals(TwilioTwin.account('b'), fetched.getAccountSid());
        assertFalse(available(client, 415).contains("+14155550101"));
        assertTrue(available(client('c'), 415).contains("+14155550101"), "another account can still buy it");
    }

    @Test
    void aNumberIsBoughtByAreaCodeWhenNoneIsNamed() {
        TwilioRestClient client = client('d');

        IncomingPhoneNumber bought = IncomingPhoneNumber.creator("510").create(client);

        assertTrue(bought.getPhoneNumber().toString().startsWith("+1510"), bought.getPhoneNumber().toString());
        assertEquals(List.of("+15105550100", "+15105550101").stream()
                .filter(n -> !n.equals(bought.getPhoneNumber().toString())).toList(), available(client, 510));
    }

    @Test
    void aNumberAlreadyOwnedCannotBeBoughtAgain() {
        TwilioRestClient client = client('e');
        IncomingPhoneNumber.creator(new PhoneNumber("+12125550100")).create(client);

        ApiException taken = assertThrows(ApiException.class,
                () -> IncomingPhoneNumber.creator(new PhoneNumber("+12125550100")).create(client));

        assertEquals(21422, taken.getCode());
        assertEquals("PhoneNumber +12125550100 is not available.", taken.getMessage());
    }

    @Test
    void anAreaCodeWithNothingLeftAnswers21452() {
        TwilioRestClient client = client('f');
        IncomingPhoneNumber.creator("312").create(client);

        ApiException none = assertThrows(ApiException.class, () -> IncomingPhoneNumber.creator("312").create(client));

        assertEquals(21452, none.getCode());
        assertEquals("No phone numbers found in area code 312.", none.getMessage());
    }

    @Test
    void aNumberIsUpdatedListedByItsNumberAndReleased() {
        TwilioRestClient client = client('0');
        IncomingPhoneNumber bought = IncomingPhoneNumber.creator(new PhoneNumber("+14155550102")).create(client);
        IncomingPhoneNumber.creator(new PhoneNumber("+15005550006")).create(client);

        IncomingPhoneNumber updated = IncomingPhoneNumber.updater(bought.getSid()).setFriendlyName("Sales")
                .setSmsUrl(URI.create("https://app.example.com/sms")).update(client);
        List<String> byNumber = StreamSupport.stream(IncomingPhoneNumber.reader()
                .setPhoneNumber(new PhoneNumber("+14155550102")).read(client).spliterator(), false)
                .map(IncomingPhoneNumber::getSid).toList();
        boolean released = IncomingPhoneNumber.deleter(bought.getSid()).delete(client);

        assertEquals("Sales", updated.getFriendlyName());
        assertEquals(URI.create("https://app.example.com/sms"), updated.getSmsUrl());
        assertEquals(List.of(bought.getSid()), byNumber);
        assertTrue(released);
        ApiException gone = assertThrows(ApiException.class,
                () -> IncomingPhoneNumber.fetcher(bought.getSid()).fetch(client));
        assertEquals(20404, gone.getCode());
        assertEquals(1, StreamSupport.stream(IncomingPhoneNumber.reader().read(client).spliterator(), false).count());
    }
}
