package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.store.RecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingsCommandTest {
    @TempDir
    Path dir;


    @Test
    void listShowsIdTimeMethodUrlOutcomeAndDuration() {
        Path store = storeWith(customer("checkout", "/v1/customers/cus_1"), refused("checkout"));

        Result result = run("recordings", "list", "--store", store.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(3, lines.size(), result.out());
        assertTrue(lines.get(1).matches(
                "\\s+1  2026-01-02 03:04:05.123  GET\\s+200\\s+1.5 ms  https://api.example.com/v1/customers/cus_1"),
                lines.get(1));
        assertTrue(lines.get(2).contains("UPSTREAM_REFUSED"), lines.get(2));
        assertTrue(lines.get(2).contains("http://down.example.com:8080/health"), lines.get(2));
    }

    @Test
    void listFiltersBySessionAndLimitsToTheLatest() {
        Path store = storeWith(customer("a", "/1"), customer("b", "/2"), customer("a", "/3"), customer("a", "/4"));

        Result result = run("recordings", "list", "--store", store.toString(), "--session", "a", "--limit", "2");

        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.out().contains("/v1/customers/1"));
        assertTrue(result.out().contains("/3") && result.out().contains("/4"), result.out());
        assertTrue(result.out().contains("(1 older exchanges not shown; use --limit)"), result.out());
    }

    @Test
    void sessionsListsNamesWithCounts() {
        Path store = storeWith(customer("a", "/1"), customer("b", "/2"), customer("a", "/3"));

        Result result = run("recordings", "sessions", "--store", store.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("a\\s+2\\s+2026-01-02 03:04:05.123.*")), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("b\\s+1\\s+.*")), result.out());
    }

    @Test
    void showPrintsRequestAndResponseWithHeadersAndBodies() {
        Path store = storeWith(customer("a", "/v1/customers/cus_1"));

        Result result = run("recordings", "show", "1", "--store", store.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("GET https://api.example.com/v1/customers/cus_1\nAccept: application/json"),
                result.out());
        assertTrue(result.out().contains("HTTP 200\nContent-Type: application/json\n\n{\"id\":\"cus_1\"}"),
                result.out());
    }

    @Test
    void showOfAnUnknownIdIsOneLineAndExitCodeTwo() {
        Path store = storeWith(customer("a", "/1"));

        Result result = run("recordings", "show", "42", "--store", store.toString());

        assertEquals(2, result.exitCode());
        assertEquals("twin: no exchange 42 in " + store + "\n", result.err());
    }

    @Test
    void clearOfASessionKeepsTheOthers() {
        Path store = storeWith(customer("a", "/1"), customer("b", "/2"), customer("a", "/3"));

        Result result = run("recordings", "clear", "--session", "a", "--store", store.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("cleared 2 exchanges of session a from " + store + "\n", result.out());
        try (RecordingStore reopened = RecordingStore.openReadOnly(store)) {
            assertEquals(List.of("b"), reopened.sessions());
        }
    }

    @Test
    void exportedHarImportsIntoAnotherStoreWithTheSameExchanges() {
        Path store = storeWith(customer("a", "/1"), refused("a"), customer("b", "/2"));
        Path har = dir.resolve("all.har");
        Path copy = dir.resolve("copy.db");

        Result exported = run("recordings", "export", "--har", har.toString(), "--store", store.toString());
        Result imported = run("recordings", "import", "--har", har.toString(), "--store", copy.toString());

        assertEquals(0, exported.exitCode(), exported.err());
        assertEquals("exported 3 exchanges to " + har + "\n", exported.out());
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals(run("recordings", "list", "--store", store.toString()).out(),
                run("recordings", "list", "--store", copy.toString()).out());
        assertEquals(run("recordings", "sessions", "--store", store.toString()).out(),
                run("recordings", "sessions", "--store", copy.toString()).out());
    }

    @Test
    void exportOfOneSessionHoldsOnlyIt() throws IOException {
        Path store = storeWith(customer("a", "/only-a"), customer("b", "/only-b"));
        Path har = dir.resolve("a.har");

        run("recordings", "export", "--har", har.toString(), "--session", "a", "--store", store.toString());

        String text = Files.readString(har);
        assertTrue(text.contains("/only-a"));
        assertFalse(text.contains("/only-b"));
    }

    @Test
    void importedBrowserHarIsRedactedAndPutInTheGivenSession() throws IOException {
        Path har = dir.resolve("browser.har");
        Files.writeString(har, """
                {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
                  "entries": [{"startedDateTime": "2026-03-10T09:15:01.250Z", "time": 12.5,
                    "request": {"method": "GET", "url": "https://api.example.com/v1/me?access_token=tok_raw_1",
                      "httpVersion": "http/2.0", "headers": [{"name": "authorization", "value": "Bearer sk_raw_2"}],
                      "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
                    "response": {"status": 200, "statusText": "", "httpVersion": "http/2.0",
                      "headers": [{"name": "content-type", "value": "application/json"}], "cookies": [],
                      "content": {"size": 14, "mimeType": "application/json", "text": "{\\"id\\":\\"me_1\\"}"},
                      "redirectURL": "", "headersSize": -1, "bodySize": -1},
                    "cache": {}, "timings": {"send": 0, "wait": 12.5, "receive": 0}}]}}
                """);
        Path store = dir.resolve("twin.db");

        Result imported = run("recordings", "import", "--har", har.toString(), "--session", "web",
                "--store", store.toString());
        Result shown = run("recordings", "show", "1", "--store", store.toString());

        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals("imported 1 exchange from " + har + " into " + store + "\n", imported.out());
        assertTrue(shown.out().contains("session web"), shown.out());
        assertTrue(shown.out().contains("authorization: Bearer redacted:sha256:"), shown.out());
        assertFalse(shown.out().contains("tok_raw_1") || shown.out().contains("sk_raw_2"), shown.out());
    }

    @Test
    void badHarIsOneLineExitCodeTwoAndAddsNothing() throws IOException {
        Path store = storeWith(customer("a", "/1"));
        Path har = dir.resolve("broken.har");
        Files.writeString(har, "{\"log\": {\"entries\": [\n"
                + "{\"request\": {\"method\": \"GET\", \"url\": \"https://a.example/1\"}, \"response\": {\"status\": 200}},\n"
                + "{\"request\": {\"method\": \"GET\", \"url\": \"https://a.example/2\"}, \"response\": {\"status\": 2");

        Result result = run("recordings", "import", "--har", har.toString(), "--store", store.toString());

        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("twin: " + har + " is not valid JSON at line 3"), result.err());
        try (RecordingStore reopened = RecordingStore.openReadOnly(store)) {
            assertEquals(1, reopened.count());
        }
    }

    @Test
    void missingStoreIsOneLineAndExitCodeTwo() {
        Path missing = dir.resolve("nothing.db");

        Result result = run("recordings", "list", "--store", missing.toString());

        assertEquals(2, result.exitCode());
        assertEquals("twin: store " + missing + " does not exist\n", result.err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void storeInUseIsOneLineAndExitCodeTwo() {
        Path store = storeWith(customer("a", "/1"));
        try (RecordingStore busy = RecordingStore.open(store)) {
            Result result = run("recordings", "list", "--store", store.toString());

            assertEquals(2, result.exitCode());
            assertEquals("twin: store " + store + " is in use by another twin process\n", result.err());
        }
    }

    @Test
    void unreadableStoreIsOneLineAndExitCodeTwo() throws IOException {
        Path store = dir.resolve("garbage.db");
        Files.writeString(store, "garbage, not a store\n".repeat(100));

        Result result = run("recordings", "sessions", "--store", store.toString());

        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("twin: store " + store + " is not a readable twin store"), result.err());
    }


    private Path storeWith(Exchange... exchanges) {
        return TestStores.write(dir.resolve("twin.db"), exchanges);
    }

    private static Exchange customer(String session, String path) {
        RecordedRequest request = new RecordedRequest("GET", "https", "api.example.com", 443, path, null,
                List.of(new Header("Accept", "application/json")), Body.EMPTY);
        RecordedResponse response = new RecordedResponse(200, List.of(new Header("Content-Type",
                "application/json")), Body.of("{\"id\":\"cus_1\"}"));
        return new Exchange(0, session, Instant.parse("2026-01-02T03:04:05.123Z"), 1500, "127.0.0.1:1", request,
                response, null, false);
    }

    private static Exchange refused(String session) {
        RecordedRequest request = new RecordedRequest("GET", "http", "down.example.com", 8080, "/health", null,
                List.of(), Body.EMPTY);
        return new Exchange(0, session, Instant.parse("2026-01-02T03:04:06Z"), 300, "127.0.0.1:2", request, null,
                new Failure(Failure.Kind.UPSTREAM_REFUSED, "connection refused"), false);
    }
}
