package dev.twin.replayer.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.sandbox.SandboxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal keeps a request's detail only while someone looks: with no stream open an entry is a line; with one
 * open, each new request arrives on the stream and its detail (request, response, row changes, events, what
 * answered) is kept, credentials redacted.
 */
class JournalDetailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = """
            events:
              emit:
                - {table: things, on: created, type: thing.created}
            """;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withNoStreamOpenTheJournalKeepsALinePerRequestAndNoDetail() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, EVENTS)) {
            twin.postJson("/things", "sk_test_quiet", "{\"name\":\"a\"}");

            JsonNode journal = JSON.readTree(twin.get("/__twin/requests", null).body());
            JsonNode entry = journal.get("requests").get(0);
            assertFalse(journal.get("detail").asBoolean());
            assertFalse(entry.get("detail").asBoolean());
            assertEquals("table things (create, binding things.createThing)", entry.at("/answeredBy/text").asText());
            JsonNode one = JSON.readTree(twin.get("/__twin/requests/" + entry.get("seq").asLong(), null).body());
            assertTrue(one.path("request").isMissingNode(), one.toString());
        }
    }

    @Test
    void aStreamSendsEachNewRequestAndTheDetailIsKeptWhileItIsOpen() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, EVENTS)) {
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
                    URI.create(twin.baseUrl() + "/__twin/requests/stream")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                twin.postJson("/things", "sk_test_watched", "{\"name\":\"b\"}");

                JsonNode sent = null;
                for (String line = events.readLine(); line != null && sent == null; line = events.readLine()) {
                    if (line.startsWith("data: ")) {
                        sent = JSON.readTree(line.substring(6));
                    }
                }
                assertTrue(sent != null && sent.get("detail").asBoolean(), String.valueOf(sent));
                assertEquals("/things", sent.get("path").asText());

                JsonNode one = JSON.readTree(twin.get("/__twin/requests/" + sent.get("seq").asLong(), null).body());
                assertEquals(201, one.at("/response/status").asInt());
                assertEquals("created", one.at("/changes/0/change").asText());
                assertEquals("things", one.at("/changes/0/table").asText());
                assertEquals("thing.created", one.at("/events/0/type").asText());
                assertFalse(one.toString().contains("sk_test_watched"), "the key is shown redacted: " + one);
            }
        }
    }
}
