package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twin serve --spec things-3.0.yaml --stateful} as a real child process, driven with curl: a bare spec
 * that remembers what is created in it.
 */
class ServeStatefulTest {
    private static final Path SPEC = Path.of("..", "replayer", "src", "test", "resources", "stateful-auto",
            "things-3.0.yaml");
    private static final Pattern READY = Pattern.compile("twin serving \\d+ operations from \\S+ on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process twin;
    private static String baseUrl;
    private static String statefulLine;

    @BeforeAll
    static void startTwinServe() throws Exception {
        twin = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TwinCommand.class.getName(),
                "serve", "--spec", SPEC.toString(), "--stateful", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(twin.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(120, TimeUnit.SECONDS);
        Matcher matcher = READY.matcher(String.valueOf(ready));
        assertTrue(matcher.matches(), "unexpected first line: " + ready);
        baseUrl = matcher.group(1);
        statefulLine = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopTwinServe() throws Exception {
        twin.destroy();
        assertTrue(twin.waitFor(30, TimeUnit.SECONDS), "twin serve did not stop on SIGTERM");
    }

    @Test
    void theReadyLinesSayHowManyTablesTheSpecGave() {
        assertEquals("stateful: auto: 2 tables derived from the specs (docs/stateful-auto.md)", statefulLine);
    }

    @Test
    void aThingCreatedWithCurlIsReadAndListedBack() throws Exception {
        JsonNode created = curl("-H", "Content-Type: application/json", "-d", "{\"name\": \"lamp\"}",
                baseUrl + "/api/things");

        JsonNode read = curl(baseUrl + "/api/things/" + created.path("id").asText());
        JsonNode listed = curl(baseUrl + "/api/things");

        assertEquals("lamp", read.path("name").asText());
        assertEquals(created.path("id"), listed.path(0).path("id"));
    }

    @Test
    void statefulWithAWatchedTwinYamlIsRefusedWithWhatToWriteInstead(@TempDir Path dir) throws Exception {
        Files.copy(SPEC, dir.resolve("things.yaml"));
        Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - path: things.yaml\n");

        CliRun.Result result = CliRun.run("serve", dir.toString(), "--stateful", "--watch", "--port", "0");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("write 'stateful: auto' in it instead"), result.err());
    }

    private static JsonNode curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "30"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] body = curl.getInputStream().readAllBytes();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        return JSON.readTree(body);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
