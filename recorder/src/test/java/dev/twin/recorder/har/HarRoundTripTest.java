package dev.twin.recorder.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.SampleExchanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void exportedExchangesImportBackUnchanged() throws Exception {
        List<Exchange> originals = List.of(
                SampleExchanges.get("checkout", "/v1/customers").withId(7),
                SampleExchanges.post("checkout", "/v1/charges", List.of(new Header("Authorization",
                        "Bearer redacted:sha256:0123456789ab")), "application/x-www-form-urlencoded", "amount=5")
                        .withId(8),
                SampleExchanges.failed("other").withId(9),
                binaryTruncatedDownload().withId(10),
                tunnelled().withId(11));
        Path har = dir.resolve("out.har");

        long written = HarExporter.export(originals.iterator(), har);
        List<Exchange> imported = new ArrayList<>();
        long read = HarImporter.read(har, null, imported::add);

        assertEquals(5, written);
        assertEquals(5, read);
        for (int i = 0; i < originals.size(); i++) {
            assertTrue(SampleExchanges.sameContent(originals.get(i), imported.get(i)),
                    "entry " + i + " differs: " + imported.get(i));
        }
    }

    @Test
    void exportIsAHar12DocumentWithTheFieldsBrowsersExpect() throws Exception {
        Path har = dir.resolve("out.har");
        HarExporter.export(List.of(SampleExchanges.get("s", "/v1/customers").withId(1)).iterator(), har);

        JsonNode log = new ObjectMapper().readTree(har.toFile()).path("log");
        JsonNode entry = log.path("entries").get(0);

        assertEquals("1.2", log.path("version").asText());
        assertEquals("twin", log.path("creator").path("name").asText());
        assertEquals("2026-01-02T03:04:05.123Z", entry.path("startedDateTime").asText());
        assertEquals(1.234, entry.path("time").asDouble());
        assertEquals("https://api.example.com/v1/customers?limit=3", entry.path("request").path("url").asText());
        assertEquals("limit", entry.path("request").path("queryString").get(0).path("name").asText());
        assertEquals("OK", entry.path("response").path("statusText").asText());
        assertEquals("{\"id\":\"cus_1\"}", entry.path("response").path("content").path("text").asText());
        assertEquals("application/json", entry.path("response").path("content").path("mimeType").asText());
        for (String field : List.of("send", "wait", "receive")) {
            assertTrue(entry.path("timings").has(field), field);
        }
    }

    private static Exchange binaryTruncatedDownload() {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        RecordedRequest request = new RecordedRequest("GET", "http", "::1", 8080, "/file.bin", null,
                List.of(), Body.EMPTY);
        return new Exchange(0, "files", Instant.parse("2026-02-03T04:05:06.789123456Z"), 99, "[::1]:4000",
                request, new RecordedResponse(206, List.of(new Header("Content-Type", "image/png")),
                new Body(bytes, true, 20_000_000, "gzip")), null, false);
    }

    private static Exchange tunnelled() {
        RecordedRequest request = new RecordedRequest("CONNECT", "https", "other.example.com", 443, "/", null,
                List.of(), Body.EMPTY);
        return new Exchange(0, "files", Instant.parse("2026-02-03T04:05:07Z"), 5000, "127.0.0.1:1", request,
                null, null, true);
    }
}
