package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official Twilio Java SDK against examples/twilio, routed to the twin by a host-rewriting HTTP client. */
class TwilioSdkTest {
    private static RunningTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = RunningTwin.example("twilio");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    private static TwilioRestClient client(String accountSid) {
        return new TwilioRestClient.Builder(accountSid, "auth_token")
                .httpClient(new TwinTwilioHttpClient(twin.baseUrl())).build();
    }

    private static String accountSid(char digit) {
        return "AC" + String.valueOf(digit).repeat(32);
    }

    @Test
    void messageCreateFetchReadDeleteThroughTheSdk() {
        String account = accountSid('1');
        TwilioRestClient client = client(account);

        Message created = Message.creator(new PhoneNumber("+15558675310"), new PhoneNumber("+15017122661"),
                "Hello from the twin").create(client);
        Message fetched = Message.fetcher(created.getSid()).fetch(client);
        List<String> listed = new ArrayList<>();
        for (Message message : Message.reader().read(client)) {
            listed.add(message.getSid());
        }
        boolean deleted = Message.deleter(created.getSid()).delete(client);

        assertTrue(created.getSid().matches("SM[0-9a-f]{32}"), created.getSid());
        assertEquals(account, created.getAccountSid());
        assertEquals(Message.Status.QUEUED, created.getStatus());
        assertEquals("+15558675310", fetched.getTo());
        assertEquals("+15017122661", fetched.getFrom().toString());
        assertEquals("Hello from the twin", fetched.getBody());
        assertEquals(created.getDateCreated(), fetched.getDateCreated());
        assertEquals("/2010-04-01/Accounts/" + account + "/Messages/" + created.getSid() + ".json", fetched.getUri());
        assertEquals(List.of(created.getSid()), listed);
        assertTrue(deleted);
        ApiException missing = assertThrows(ApiException.class,
                () -> Message.fetcher(created.getSid()).fetch(client));
        assertEquals(20404, missing.getCode());
        assertEquals(404, missing.getStatusCode());
    }

    @Test
    void theSeededAccountIsFetchedWithTwiliosFields() {
        String seeded = "AC" + "0".repeat(32);

        com.twilio.rest.api.v2010.Account account = com.twilio.rest.api.v2010.Account.fetcher(seeded)
                .fetch(client(accountSid('7')));

        assertEquals(seeded, account.getSid());
        assertEquals("Twin Test Account", account.getFriendlyName());
        assertEquals(com.twilio.rest.api.v2010.Account.Status.ACTIVE, account.getStatus());
        assertEquals("/2010-04-01/Accounts/" + seeded + ".json", account.getUri());
    }

    @Test
    void readingFollowsNextPageUrisAcrossPages() {
        TwilioRestClient client = client(accountSid('2'));
        List<String> createdSids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdSids.add(Message.creator(new PhoneNumber("+1555000000" + i), new PhoneNumber("+15017122661"),
                    "m" + i).create(client).getSid());
        }

        ResourceSet<Message> messages = Message.reader().pageSize(2).read(client);
        List<String> seen = new ArrayList<>();
        messages.forEach(message -> seen.add(message.getSid()));

        List<String> newestFirst = new ArrayList<>(createdSids);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
    }

    @Test
    void aMissingMessageAnswersTwiliosErrorBody() throws Exception {
        String account = accountSid('3');
        String path = "/2010-04-01/Accounts/" + account + "/Messages/SM" + "0".repeat(32) + ".json";
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((account + ":token").getBytes(StandardCharsets.UTF_8))).GET().build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        JsonNode expected = RunningTwin.JSON.readTree("{\"code\":20404,\"message\":\"The requested resource " + path
                + " was not found\",\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}");
        assertEquals(expected, RunningTwin.JSON.readTree(response.body()));
    }

    @Test
    void aMessageWithoutToIsRefusedInTwiliosShape() throws Exception {
        String account = accountSid('6');
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + "/2010-04-01/Accounts/" + account
                        + "/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((account + ":token").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("From=%2B15017122661&Body=hi")).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        JsonNode body = RunningTwin.JSON.readTree(response.body());
        assertEquals(21201, body.get("code").asInt(), response.body());
        assertEquals(400, body.get("status").asInt());
        assertTrue(body.get("message").asText().contains("To"), response.body());
        assertEquals("https://www.twilio.com/docs/errors/21201", body.get("more_info").asText());
    }

    @Test
    void oneAccountNeverSeesAnothersMessages() {
        Message mine = Message.creator(new PhoneNumber("+15550001111"), new PhoneNumber("+15017122661"), "mine")
                .create(client(accountSid('4')));

        List<Message> theirs = new ArrayList<>();
        Message.reader().read(client(accountSid('5'))).forEach(theirs::add);

        assertEquals(List.of(), theirs);
        assertThrows(ApiException.class, () -> Message.fetcher(mine.getSid()).fetch(client(accountSid('5'))));
        assertNull(null);
    }
}
