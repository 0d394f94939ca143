package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ticketing API (integer ids, JSON, a flat error body, 422) that refuses a booking of more seats than its event
 * has left: the seats of the event less those its earlier bookings took. The twin refuses the same way for events
 * and bookings it never saw, with the message naming this request's numbers.
 */
class CreateLimitInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/events", "{\"name\":\"gig\",\"seats\":10}", 201, "{\"id\":1,\"name\":\"gig\",\"seats\":10}");
        t.json("POST", "/events", "{\"name\":\"talk\",\"seats\":3}", 201, "{\"id\":2,\"name\":\"talk\",\"seats\":3}");
        t.json("POST", "/bookings", "{\"eventId\":1,\"seats\":4}", 201, "{\"id\":1,\"eventId\":1,\"seats\":4}");
        t.json("POST", "/bookings", "{\"eventId\":1,\"seats\":5}", 201, "{\"id\":2,\"eventId\":1,\"seats\":5}");
        t.json("POST", "/bookings", "{\"eventId\":1,\"seats\":3}", 422,
                "{\"error\":\"sold_out\",\"message\":\"Cannot book 3 seats: only 1 left\"}");
        t.json("POST", "/bookings", "{\"eventId\":2,\"seats\":2}", 201, "{\"id\":3,\"eventId\":2,\"seats\":2}");
        t.json("GET", "/bookings/1", null, 200, "{\"id\":1,\"eventId\":1,\"seats\":4}");
        t.json("GET", "/events/1", null, 200, "{\"id\":1,\"name\":\"gig\",\"seats\":10}");
        return t;
    }

    @Test
    void givenABookingAboveTheSeatsLeft_whenTheTwinIsAsked_thenItRefusesWithThisRequestsNumbers() throws Exception {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("limits:"), yaml);
        JsonNode event = JSON.readTree(calls.json("POST", "/events", "{\"name\":\"expo\",\"seats\":6}").body());
        String eventId = event.path("id").toString();

        HttpResponse<String> within = calls.json("POST", "/bookings", "{\"eventId\":" + eventId + ",\"seats\":4}");
        HttpResponse<String> above = calls.json("POST", "/bookings", "{\"eventId\":" + eventId + ",\"seats\":3}");
        HttpResponse<String> rest = calls.json("POST", "/bookings", "{\"eventId\":" + eventId + ",\"seats\":2}");

        assertEquals(201, within.statusCode(), within.body());
        assertEquals(422, above.statusCode(), above.body());
        assertEquals("Cannot book 3 seats: only 2 left", JSON.readTree(above.body()).path("message").asText(),
                above.body());
        assertEquals(201, rest.statusCode(), rest.body());
        assertTrue(files.text("inference-report.md").contains("'seats' at most events[eventId].seats less"),
                files.text("inference-report.md"));
    }
}
