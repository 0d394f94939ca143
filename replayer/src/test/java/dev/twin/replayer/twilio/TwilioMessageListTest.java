package dev.twin.replayer.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listing messages as Twilio does, through the SDK's reader and over plain HTTP: filters {@code To}, {@code From},
 * {@code DateSent}, {@code DateSent<} and {@code DateSent>}, pages of {@code PageSize} linked by
 * {@code next_page_uri}, and Twilio's error body.
 */
class TwilioMessageListTest {
    private static final String ACCOUNT = TwilioTwin.account('4');
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TwilioTwin twin;
    private static TwilioRestClient client;
    private static Message morning;
    private static Message afternoon;
    private static Message nextDay;
    private static Message unsent;

    /** Given three delivered messages sent hours apart (and one never sent), from two numbers to two others. */
    @BeforeAll
    static void start() throws Exception {
        twin = TwilioTwin.start(); // 2024-05-01T12:00:00Z
        client = twin.client(ACCOUNT, "token");
        morning = send("+15551110001", "+15005550006", "one");
        twin.advance(Duration.ofHours(3));
        afternoon = send("+15551110002", "+15005550006", "two");
        twin.advance(Duration.ofDays(1));
        nextDay = send("+15551110001", "+15557770000", "three");
        twin.advance(Duration.ofMinutes(1));
        unsent = Message.creator(new PhoneNumber("+15551110003"), new PhoneNumber("+15005550006"), "four")
                .create(client);
    }

    private static Message send(String to, String from, String body) {
        Message message = Message.creator(new PhoneNumber(to), new PhoneNumber(from), body).create(client);
        twin.advance(Duration.ofSeconds(5));
        return Message.fetcher(message.getSid()).fetch(client);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    private static List<String> sids(Iterable<Message> messages) {
        return StreamSupport.stream(messages.spliterator(), false).map(Message::getSid).toList();
    }

    @Test
    void theReaderFiltersByToAndFrom() {
        assertEquals(List.of(nextDay.getSid(), morning.getSid()),
                sids(Message.reader().setTo(new PhoneNumber("+15551110001")).read(client)));
        assertEquals(List.of(nextDay.getSid()),
                sids(Message.reader().setFrom(new PhoneNumber("+15557770000")).read(client)));
        assertEquals(List.of(morning.getSid()), sids(Message.reader().setTo(new PhoneNumber("+15551110001"))
                .setFrom(new PhoneNumber("+15005550006")).read(client)));
    }

    @Test
    void theReaderFiltersBySendTimeRanges() {
        ZonedDateTime noonPlusOneHour = ZonedDateTime.of(2024, 5, 1, 13, 0, 0, 0, ZoneOffset.UTC);

        assertEquals(List.of(morning.getSid()),
                sids(Message.reader().setDateSentBefore(noonPlusOneHour).read(client)));
        assertEquals(List.of(nextDay.getSid(), afternoon.getSid()),
                sids(Message.reader().setDateSentAfter(noonPlusOneHour).read(client)));
        assertEquals(List.of(afternoon.getSid()), sids(Message.reader().setDateSentAfter(noonPlusOneHour)
                .setDateSentBefore(noonPlusOneHour.plusHours(3)).read(client)));
        assertEquals(List.of(morning.getSid()),
                sids(Message.reader().setDateSent(morning.getDateSent()).read(client)));
    }

    @Test
    void aDateAloneStandsForItsWholeDayAndBoundsAreInclusive() throws Exception {
        assertEquals(List.of(afternoon.getSid(), morning.getSid()), sidsOf(list("DateSent=2024-05-01")));
        assertEquals(List.of(nextDay.getSid()), sidsOf(list("DateSent%3E=2024-05-02")));
        assertEquals(List.of(afternoon.getSid(), morning.getSid()), sidsOf(list("DateSent%3C=2024-05-01")));
        String sentAt = morning.getDateSent().withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        assertEquals(List.of(morning.getSid()), sidsOf(list("DateSent%3C=" + sentAt)));
    }

    @Test
    void aMessageNotSentYetHasNoSendTimeToMatch() throws Exception {
        List<String> sentSince2024 = sidsOf(list("DateSent%3E=2024-01-01"));

        assertEquals(3, sentSince2024.size());
        assertTrue(!sentSince2024.contains(unsent.getSid()));
    }

    @Test
    void pagesFollowNextPageUriUntilTheLastHasNone() throws Exception {
        JsonNode first = list("PageSize=3");
        JsonNode second = get(first.get("next_page_uri").asText());

        assertEquals(List.of(unsent.getSid(), nextDay.getSid(), afternoon.getSid()), sidsOf(first));
        assertEquals(0, first.get("page").asInt());
        assertEquals(3, first.get("page_size").asInt());
        assertTrue(first.get("next_page_uri").asText().contains("PageToken=PA" + afternoon.getSid()),
                first.get("next_page_uri").asText());
        assertEquals(List.of(morning.getSid()), sidsOf(second));
        assertEquals(1, second.get("page").asInt());
        assertTrue(second.get("next_page_uri").isNull());
        assertEquals(first.get("first_page_uri").asText(), second.get("first_page_uri").asText());
        List<String> all = new ArrayList<>();
        Message.reader().pageSize(1).read(client).forEach(message -> all.add(message.getSid()));
        assertEquals(List.of(unsent.getSid(), nextDay.getSid(), afternoon.getSid(), morning.getSid()), all);
    }

    @Test
    void filtersStayInTheNextPageUri() throws Exception {
        JsonNode first = list("To=" + URLEncoder.encode("+15551110001", StandardCharsets.UTF_8) + "&PageSize=1");
        JsonNode second = get(first.get("next_page_uri").asText());

        assertEquals(List.of(nextDay.getSid()), sidsOf(first));
        assertEquals(List.of(morning.getSid()), sidsOf(second));
        assertTrue(second.get("next_page_uri").isNull());
    }

    @Test
    void aMissingMessageAnswersTwiliosErrorBody() throws Exception {
        String path = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/SM" + "0".repeat(32) + ".json";
        HttpResponse<String> response = send(path);

        assertEquals(404, response.statusCode());
        assertEquals(JSON.readTree("{\"code\":20404,\"message\":\"The requested resource " + path
                + " was not found\",\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}"),
                JSON.readTree(response.body()));
    }

    private static JsonNode list(String query) throws Exception {
        return get("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json?" + query);
    }

    private static JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = send(pathAndQuery);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ACCOUNT + ":token").getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> sidsOf(JsonNode page) {
        List<String> sids = new ArrayList<>();
        page.get("messages").forEach(message -> sids.add(message.get("sid").asText()));
        return sids;
    }
}
