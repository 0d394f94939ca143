package dev.twin.cli;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.replayer.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferCommandTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void givenARecordedStore_whenInferred_thenTheFourKindsOfFilesAreWrittenAndTwinYamlLoads() throws Exception {
        Path store = store(customer("checkout", "cus_NffrFeUfNV2Hib"), customer("checkout", "cus_Og7sKq2LmZpA9x"));

        Result result = run("infer", "--store", store.toString(), "--out", dir.resolve("out").toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.isRegularFile(dir.resolve("out/openapi.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("out/inference-report.md")));
        assertTrue(Files.isRegularFile(dir.resolve("out/seed/customers.json")));
        assertEquals("customers", ConfigLoader.load(dir.resolve("out/twin.yaml")).tables().get(0).name());
    }

    @Test
    void givenAHarExport_whenInferredFromIt_thenTheSameTwinComesOut() throws Exception {
        Path store = store(customer("checkout", "cus_NffrFeUfNV2Hib"), customer("checkout", "cus_Og7sKq2LmZpA9x"));
        Path har = dir.resolve("checkout.har");
        try (RecordingStore opened = RecordingStore.openReadOnly(store);
             java.util.stream.Stream<Exchange> exchanges = opened.exchanges(null)) {
            dev.twin.recorder.har.HarExporter.export(exchanges.iterator(), har);
        }

        Result fromHar = run("infer", "--har", har.toString(), "--out", dir.resolve("har").toString());
        Result fromStore = run("infer", "--store", store.toString(), "--out", dir.resolve("store").toString());

        assertEquals(0, fromHar.exitCode(), fromHar.err());
        assertEquals(0, fromStore.exitCode(), fromStore.err());
        assertEquals(Files.readString(dir.resolve("store/openapi.yaml")).lines().skip(3).toList(),
                Files.readString(dir.resolve("har/openapi.yaml")).lines().skip(3).toList());
    }

    @Test
    void givenAnEmptyStore_whenInferred_thenOneClearLineAndExitCode2() {
        Path store = store();

        Result result = run("infer", "--store", store.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, result.exitCode());
        assertEquals("twin infer: " + store + " holds no recorded exchanges; nothing to infer", result.err().strip());
        assertFalse(Files.exists(dir.resolve("out/twin.yaml")));
    }

    @Test
    void givenAnOfficialSpecWithABrokenPathTemplate_whenInferred_thenExit2AtItsLineAndNothingIsWritten()
            throws Exception {
        Path store = store(customer("checkout", "cus_NffrFeUfNV2Hib"));
        String petstore = Files.readString(Path.of("..", "examples", "petstore", "petstore.yaml"));
        Path spec = Files.writeString(dir.resolve("official.yaml"),
                petstore.replace("/pets/{petId}:", "/pets/{petId:"));

        Result result = run("infer", "--store", store.toString(), "--spec", spec.toString(),
                "--out", dir.resolve("out").toString());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("official.yaml:63:3: path template"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(Files.exists(dir.resolve("out/twin.yaml")));
    }

    @Test
    void givenAnUnknownSession_whenInferred_thenTheKnownSessionsAreNamed() {
        Path store = store(customer("checkout", "cus_NffrFeUfNV2Hib"));

        Result result = run("infer", "--store", store.toString(), "--session", "nope");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("no session 'nope'") && result.err().contains("sessions are: checkout"),
                result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void givenAHarThatDoesNotParse_whenInferred_thenTheFileAndPlaceAreNamed() throws Exception {
        Path har = dir.resolve("broken.har");
        Files.writeString(har, "{\"log\": {\"entries\": [ {\"request\": ");

        Result result = run("infer", "--har", har.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("twin infer: ") && result.err().contains("broken.har"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void givenTrafficWithoutJson_whenInferred_thenItSaysThereIsNothingToInfer() {
        Exchange html = exchange("site", "GET", "/index.html", "text/html", "<html></html>", 200);
        Path store = store(html);

        Result result = run("infer", "--store", store.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("no exchange carries a JSON or form body"), result.err());
    }

    @Test
    void givenAMissingStore_whenInferred_thenItSaysHowToRecordOne() {
        Result result = run("infer", "--store", dir.resolve("none.db").toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("no recording store at") && result.err().contains("twin record"),
                result.err());
    }

    @Test
    void givenAnEarlierSpec_whenInferredWithCompare_thenTheDriftIsPrintedAndTheExitCodeStays0() throws Exception {
        Path store = store(customer("checkout", "cus_NffrFeUfNV2Hib"), customer("checkout", "cus_Og7sKq2LmZpA9x"));
        Path earlier = dir.resolve("earlier.yaml");
        Files.writeString(earlier, """
                openapi: 3.0.3
                info: {title: earlier, version: "1"}
                paths:
                  /v1/customers/{id}:
                    get:
                      responses:
                        "200":
                          description: one
                          content:
                            application/json:
                              schema:
                                type: object
                                required: [id, object, email, name]
                                properties:
                                  id: {type: string}
                                  object: {type: string}
                                  email: {type: string, format: email}
                                  name: {type: string}
                """);
        Path out = dir.resolve("out");

        Result result = run("infer", "--store", store.toString(), "--out", out.toString(), "--compare",
                earlier.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().endsWith("\nComparing " + earlier + " → " + out.resolve("openapi.yaml")
                + ": 1 breaking change, 0 other changes\n\nBreaking changes\n  GET /v1/customers/{customer}\n"
                + "    200 response: name removed (was string)\n"), result.out());
    }

    @Test
    void givenACompareFileThatDoesNotExist_whenInferred_thenExitCode2AndNothingIsWritten() {
        Path store = store(customer("checkout", "cus_NffrFeUfNV2Hib"));

        Result result = run("infer", "--store", store.toString(), "--out", dir.resolve("out").toString(),
                "--compare", dir.resolve("none.yaml").toString());

        assertEquals(2, result.exitCode());
        assertEquals("twin infer: " + dir.resolve("none.yaml") + ": no such file", result.err().strip());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private Path store(Exchange... exchanges) {
        return TestStores.write(dir.resolve("twin.db"), exchanges);
    }

    private static Exchange customer(String session, String id) {
        return exchange(session, "GET", "/v1/customers/" + id, "application/json",
                "{\"id\":\"" + id + "\",\"object\":\"customer\",\"email\":\"a@b.io\"}", 200);
    }

    private static Exchange exchange(String session, String method, String path, String type, String body,
                                     int status) {
        return TestStores.answered(session, method, path, status, type, body);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new TwinCommand()).execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
