package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twin serve} reads its edge limits from twin.yaml's {@code server.limits}, and a flag of the same name wins
 * over the file: here the file allows a 4096-character URL and 5 header lines, and {@code --max-url-length 64} is
 * given on the command line.
 */
class ServeLimitsTest {
    private static final Pattern READY = Pattern.compile("twin serving \\d+ operations from \\S+ on http://[^:]+:(\\d+)");

    @TempDir
    static Path dir;

    private static Process twin;
    private static int port;

    @BeforeAll
    static void serveWithLimitsInTwinYamlAndAFlag() throws Exception {
        Path spec = Path.of("..", "examples", "petstore", "petstore.yaml").toAbsolutePath();
        Files.writeString(dir.resolve("twin.yaml"), """
                imports: [{path: %s, as: petstore}]
                server:
                  limits: {maxUrlLength: 4096, maxHeaders: 5}
                """.formatted(spec));
        twin = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dtwin.home=" + dir, TwinCommand.class.getName(),
                "serve", dir.toString(), "--port", "0", "--max-url-length", "64")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(twin.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(120, TimeUnit.SECONDS);
        Matcher matcher = READY.matcher(String.valueOf(ready));
        assertTrue(matcher.lookingAt(), "unexpected first line: " + ready);
        port = Integer.parseInt(matcher.group(1));
    }

    @AfterAll
    static void stop() throws Exception {
        twin.destroy();
        assertTrue(twin.waitFor(30, TimeUnit.SECONDS), "twin serve did not stop on SIGTERM");
    }

    private static RawHttp.Answer get(String target, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return RawHttp.exchange(port, request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1),
                20_000);
    }

    @Test
    void givenAUrlLimitInTwinYamlAndAsAFlag_whenALongerUrlIsSent_thenTheFlagsLimitIsTheOneApplied()
            throws IOException {
        RawHttp.Answer answer = get("/v1/pets?name=" + "x".repeat(100));

        assertEquals(414, answer.status(), answer.head());
        assertTrue(answer.body().contains("longer than the limit of 64 characters"), answer.body());
    }

    @Test
    void givenAHeaderLimitOnlyInTwinYaml_whenMoreHeaderLinesAreSent_thenTheFilesLimitIsApplied() throws IOException {
        RawHttp.Answer answer = get("/v1/pets/1", "X-A: 1", "X-B: 2", "X-C: 3", "X-D: 4", "X-E: 5");

        assertEquals(431, answer.status(), answer.head());
        assertTrue(answer.body().contains("6 header lines; the limit is 5"), answer.body());
    }

    @Test
    void givenBothLimits_whenARequestWithinThemIsSent_thenItIsAnswered() throws IOException {
        assertEquals(200, get("/v1/pets/1", "X-A: 1").status());
    }
}
