package dev.twin.recorder.har;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarImporterTest {
    @TempDir
    Path dir;

    @Test
    void chromeHarBecomesExchangesInFileOrder() throws IOException {
        List<Exchange> exchanges = importSample(null);

        assertEquals(4, exchanges.size());
        Exchange get = exchanges.get(0);
        assertEquals("chrome-sample", get.session());
        assertEquals("GET", get.request().method());
        assertEquals("api.example.com", get.request().host());
        assertEquals(443, get.request().port());
        assertEquals("/v1/customers", get.request().path());
        assertEquals("limit=2&api_key=key_live_123", get.request().rawQuery());
        assertEquals(Instant.parse("2026-03-10T09:15:01.250Z"), get.startedAt());
        assertEquals(84_730, get.durationMicros());
        assertEquals(200, get.response().status());
        assertTrue(get.response().body().text().startsWith("{\"object\":\"list\""));
        assertEquals("gzip", get.response().body().contentEncoding());
    }

    @Test
    void http2PseudoHeadersAreDropped() throws IOException {
        Exchange get = importSample(null).get(0);

        assertEquals(List.of("accept", "authorization"),
                get.request().headers().stream().map(h -> h.name()).toList());
    }

    @Test
    void postDataAndBase64ContentAreRead() throws IOException {
        List<Exchange> exchanges = importSample(null);

        assertEquals("amount=2000&currency=usd&card%5Bcvc%5D=123", exchanges.get(1).request().body().text());
        assertEquals(8443, exchanges.get(2).request().port());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                exchanges.get(2).response().body().bytes());
    }

    @Test
    void entryWithoutResponseBecomesAFailedExchange() throws IOException {
        Exchange failed = importSample(null).get(3);

        assertNull(failed.response());
        assertEquals(Failure.Kind.UPSTREAM_ERROR, failed.failure().kind());
        assertEquals("net::ERR_CONNECTION_REFUSED", failed.failure().message());
        assertEquals(Instant.parse("2026-03-10T09:15:03Z"), failed.startedAt());
    }

    @Test
    void sessionGivenByTheCallerWins() throws IOException {
        assertTrue(importSample("mine").stream().allMatch(e -> e.session().equals("mine")));
    }

    @Test
    void invalidJsonIsReportedWithFileLineAndColumn() throws IOException {
        Path har = dir.resolve("broken.har");
        Files.writeString(har, "{\n  \"log\": {\n    \"entries\": [ { \"request\": , } ]\n  }\n}\n");

        HarException e = assertThrows(HarException.class, () -> HarImporter.read(har, null, x -> { }));

        assertTrue(e.getMessage().startsWith(har + " is not valid JSON at line 3, column"), e.getMessage());
    }

    @Test
    void jsonThatIsNotAHarIsReportedAsSuch() throws IOException {
        Path har = dir.resolve("other.json");
        Files.writeString(har, "{\"name\": \"package\", \"version\": \"1.0\"}");

        HarException e = assertThrows(HarException.class, () -> HarImporter.read(har, null, x -> { }));

        assertEquals(har + " is not a HAR file: it has no log.entries array", e.getMessage());
    }

    @Test
    void entryWithoutUrlIsReportedByItsPath() throws IOException {
        Path har = dir.resolve("nourl.har");
        Files.writeString(har, "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"http://a/\"}},"
                + "{\"request\":{\"method\":\"GET\"}}]}}");

        HarException e = assertThrows(HarException.class, () -> HarImporter.read(har, null, x -> { }));

        assertEquals(har + ": log.entries[1].request.url: missing", e.getMessage());
    }

    private List<Exchange> importSample(String session) throws IOException {
        Path har = dir.resolve("chrome-sample.har");
        try (InputStream in = getClass().getResourceAsStream("/har/chrome-sample.har")) {
            Files.copy(in, har);
        }
        List<Exchange> exchanges = new ArrayList<>();
        HarImporter.read(har, session, exchanges::add);
        return exchanges;
    }

}
