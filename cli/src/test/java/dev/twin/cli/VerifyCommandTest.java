package dev.twin.cli;

import dev.twin.recorder.store.RecordingStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The contract test end to end: WireMock's admin API recorded through twin's reverse proxy, inferred into a twin,
 * then {@code twin verify} replays the recording against that twin.
 */
class VerifyCommandTest {
    @TempDir
    static Path dir;
    static Path store;
    static Path twin;

    @BeforeAll
    static void recordAndInfer() throws Exception {
        RecordedWireMock recorded = RecordedWireMock.recordAndInfer(dir);
        store = recorded.store();
        twin = recorded.twin();
    }

    @Test
    void givenTheInferredTwin_whenVerifiedAgainstItsRecording_thenItScoresOneAndPasses() {
        CliRun.Result result = CliRun.run("verify", "-c", twin.toString(), "--store", store.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().startsWith("score 1.0000 (min 0.9900): PASS"), result.out());
        assertTrue(result.out().contains("no divergences"), result.out());
    }

    @Test
    void givenTheInferredTwin_whenVerifiedWithAReport_thenTheJsonSaysWhatTheTextSays() throws IOException {
        Path report = dir.resolve("reports/verify.json");

        CliRun.Result result = CliRun.run("verify", "-c", twin.toString(), "--store", store.toString(),
                "--session", "admin", "--report", report.toString());

        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(1.0, json.path("score").asDouble());
        assertTrue(json.path("passed").asBoolean());
        assertEquals(9, json.path("compared").asInt());
        assertEquals(5, json.path("operations").size());
        assertEquals("api.PostAdminMappings", json.path("exchanges").path(0).path("operation").asText());
    }

    @Test
    void givenAListEnvelopeFieldRenamedInTheTwin_whenVerified_thenBothListAnswersReportMissingAndExtraField()
            throws IOException {
        Path broken = brokenTwin("envelope", "dataField: mappings", "dataField: stubs");

        CliRun.Result result = CliRun.run("verify", "-c", broken.toString(), "--store", store.toString());

        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertEquals(List.of(
                "#3 GET /__admin/mappings (api.GetAdminMappings): body $.mappings missing field",
                "#3 GET /__admin/mappings (api.GetAdminMappings): body $.stubs extra field",
                "#9 GET /__admin/mappings (api.GetAdminMappings): body $.mappings missing field",
                "#9 GET /__admin/mappings (api.GetAdminMappings): body $.stubs extra field"), divergences(result.out()));
        assertTrue(score(result.out()) < 1.0, result.out());
    }

    @Test
    void givenTheCreateStatusChangedInTheTwin_whenVerified_thenEachCreateReportsTheStatusAndLaterStepsStillMatch()
            throws IOException {
        Path broken = brokenTwin("status", "create:\n      status: 201", "create:\n      status: 200");

        CliRun.Result result = CliRun.run("verify", "-c", broken.toString(), "--store", store.toString());

        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains(
                "#1 POST /__admin/mappings (api.PostAdminMappings): status changed: recorded 201, twin 200"),
                result.out());
        assertEquals(List.of(
                "#1 POST /__admin/mappings (api.PostAdminMappings): status changed",
                "#2 POST /__admin/mappings (api.PostAdminMappings): status changed"), divergences(result.out()));
        assertEquals(7.0 / 9, score(result.out()), 0.0001);
    }

    @Test
    void givenTheTwinMintsIdsOfAnotherShape_whenVerified_thenTheIdsAreReportedAsShapeChangesNotMapped()
            throws IOException {
        Path broken = brokenTwin("prefix", "idStrategy: uuid",
                "idStrategy: prefix\n  idPrefix: map_\n  idAlphabet: digits");

        CliRun.Result result = CliRun.run("verify", "-c", broken.toString(), "--store", store.toString());

        assertEquals(1, result.exitCode(), result.out() + result.err());
        List<String> divergences = divergences(result.out());
        assertEquals(List.of(
                "#1 POST /__admin/mappings (api.PostAdminMappings): body $.id id shape changed",
                "#1 POST /__admin/mappings (api.PostAdminMappings): body $.uuid id shape changed",
                "#2 POST /__admin/mappings (api.PostAdminMappings): body $.id id shape changed",
                "#2 POST /__admin/mappings (api.PostAdminMappings): body $.uuid id shape changed"),
                divergences.subList(0, 4), String.join("\n", divergences));
        // not mapped: the recorded ids name nothing in the twin, so reading them back fails
        assertTrue(divergences.stream().anyMatch(d -> d.startsWith("#4 GET /__admin/mappings/")
                && d.endsWith("(api.GetAdminMappingsMapping): status changed")), String.join("\n", divergences));
        assertTrue(result.out().contains("body $.id id shape changed: recorded \""), result.out());
        assertTrue(result.out().contains("twin \"map_"), result.out());
    }

    @Test
    void givenAnUnknownSession_whenVerified_thenExit2NamesTheSessionsThatExist() {
        CliRun.Result result = CliRun.run("verify", "-c", twin.toString(), "--store", store.toString(),
                "--session", "nope");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("no session 'nope'") && result.err().contains("admin"), result.err());
    }

    @Test
    void givenAMissingStore_whenVerified_thenExit2NamesTheFile() {
        Path missing = dir.resolve("missing.db");

        CliRun.Result result = CliRun.run("verify", "-c", twin.toString(), "--store", missing.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(missing.toString()) && result.err().contains("does not exist"),
                result.err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void givenATwinWhoseConfigIsBroken_whenVerified_thenExit2WithTheConfigProblem() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken-config"));
        Files.writeString(broken.resolve("twin.yaml"), "version: 1\nimports:\n- path: nowhere.yaml\n  as: api\n");

        CliRun.Result result = CliRun.run("verify", "-c", broken.toString(), "--store", store.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("the twin did not start") && result.err().contains("nowhere.yaml"),
                result.err());
    }

    @Test
    void givenRecordingsOfAnotherApi_whenVerified_thenExit2NamesTheStoreAndTheHostsSeen() {
        Path other = dir.resolve("other.db");
        try (RecordingStore recordings = RecordingStore.open(other)) {
            recordings.append(widgetsExchange("widgets"));
            recordings.commit();
        }

        CliRun.Result result = CliRun.run("verify", "-c", twin.toString(), "--store", other.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(other.toString()) && result.err().contains("widgets")
                && result.err().contains("api.widgets.example:443")
                && result.err().contains("belongs to this twin's API"), result.err());
    }

    @Test
    void givenAStore_whenVerified_thenTheStoreFileIsByteIdentical() throws Exception {
        String before = sha256(store);

        CliRun.Result result = CliRun.run("verify", "-c", twin.toString(), "--store", store.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(before, sha256(store));
    }

    /** A copy of the inferred twin with one edit in twin.yaml. */
    @Test
    void givenATwinThatReplaysTheVerifiedStore_whenVerified_thenItRunsAndSaysTheRecordingsAnswerThemselves()
            throws IOException {
        Path replaying = Files.createDirectories(dir.resolve("replaying"));
        try (Stream<Path> files = Files.list(twin)) {
            for (Path file : files.toList()) {
                Files.copy(file, replaying.resolve(file.getFileName()));
            }
        }
        Files.writeString(replaying.resolve("twin.yaml"), Files.readString(replaying.resolve("twin.yaml"))
                + "\nreplay:\n  store: " + store.toAbsolutePath() + "\n");

        CliRun.Result result = CliRun.run("verify", "-c", replaying.toString(), "--store", store.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.err().contains("the twin replays this store"), result.err());
        assertTrue(result.out().startsWith("score 1.0000"), result.out());
    }

    private static Path brokenTwin(String name, String from, String to) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("broken-" + name));
        try (Stream<Path> files = Files.list(twin)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        String yaml = Files.readString(copy.resolve("twin.yaml"));
        assertTrue(yaml.contains(from), "the inferred twin.yaml no longer holds '" + from + "':\n" + yaml);
        Files.writeString(copy.resolve("twin.yaml"), yaml.replace(from, to));
        return copy;
    }

    /** The divergence lines of the text report, each cut before its values. */
    private static List<String> divergences(String out) {
        int start = out.indexOf("divergences:\n");
        if (start < 0) {
            return List.of();
        }
        return Arrays.stream(out.substring(start + "divergences:\n".length()).split("\n"))
                .filter(line -> line.startsWith("#"))
                .map(line -> line.indexOf(": recorded") > 0 ? line.substring(0, line.indexOf(": recorded")) : line)
                .map(line -> line.indexOf(": twin") > 0 ? line.substring(0, line.indexOf(": twin")) : line)
                .toList();
    }

    private static double score(String out) {
        return Double.parseDouble(out.substring("score ".length(), out.indexOf(' ', "score ".length())));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void givenARecordingThatAlsoHoldsAnotherHost_whenVerifiedForTheTwinsHostOnly_thenTheOtherHostDoesNotCount() {
        Path mixed = dir.resolve("mixed.db");
        try (RecordingStore source = RecordingStore.openReadOnly(store);
             RecordingStore recordings = RecordingStore.open(mixed);
             Stream<Exchange> exchanges = source.exchanges("admin")) {
            exchanges.forEach(recordings::append);
            recordings.append(widgetsExchange("admin"));
            recordings.commit();
        }

        CliRun.Result all = CliRun.run("verify", "-c", twin.toString(), "--store", mixed.toString());
        CliRun.Result onlyTwin = CliRun.run("verify", "-c", twin.toString(), "--store", mixed.toString(),
                "--host", "127.0.0.1");

        assertEquals(1, all.exitCode(), all.out() + all.err());
        assertEquals(List.of("#10 GET /v2/widgets: no such operation in the twin"), divergences(all.out()));
        assertEquals(0, onlyTwin.exitCode(), onlyTwin.out() + onlyTwin.err());
        assertTrue(onlyTwin.out().startsWith("score 1.0000"), onlyTwin.out());
    }

    private static Exchange widgetsExchange(String session) {
        return new Exchange(0, session, Instant.now(), 10, "127.0.0.1:5000",
                new RecordedRequest("GET", "https", "api.widgets.example", 443, "/v2/widgets", null, List.of(),
                        Body.EMPTY),
                new RecordedResponse(200, List.of(new Header("Content-Type", "application/json")),
                        Body.of("{\"widgets\":[]}")), null, false);
    }
}
