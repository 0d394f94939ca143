package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code twin serve --spec} as a real child process, driven with curl: the flags and keys of conformance.md as a
 * user types them.
 */
class ConformanceServeCommandTest {
    private static final Pattern READY = Pattern.compile("twin serving \\d+ operations from \\S+ on (http://\\S+)");
    private static final String PREFLIGHT_ORIGIN = "http://app.example:3000";

    @Test
    void givenCorsFalse_whenABrowserPreflights_thenItIsAnOrdinaryOptionsRequestWithoutCorsHeaders() throws Exception {
        try (Served twin = Served.start("--spec", Path.of("..", "examples", "petstore", "petstore.yaml").toString(),
                "--cors=false")) {
            String head = curl("-s", "-i", "-X", "OPTIONS", "-H", "Origin: " + PREFLIGHT_ORIGIN,
                    "-H", "Access-Control-Request-Method: GET", twin.baseUrl + "/v1/pets");

            assertTrue(head.startsWith("HTTP/1.1 405"), head);
            assertTrue(!head.toLowerCase(java.util.Locale.ROOT).contains("access-control-"), head);
        }
    }

    @Test
    void givenTheDefault_whenABrowserPreflights_thenItIsAllowed() throws Exception {
        try (Served twin = Served.start("--spec", Path.of("..", "examples", "petstore", "petstore.yaml")
                .toString())) {
            String head = curl("-s", "-i", "-X", "OPTIONS", "-H", "Origin: " + PREFLIGHT_ORIGIN,
                    "-H", "Access-Control-Request-Method: GET", twin.baseUrl + "/v1/pets");

            assertTrue(head.startsWith("HTTP/1.1 204"), head);
            assertTrue(head.contains("Access-Control-Allow-Origin: " + PREFLIGHT_ORIGIN), head);
        }
    }

    @Test
    void givenStripesSpec_whenAStripeMockSuiteChecksTheRoot_thenItFindsAVersion() throws Exception {
        try (Served twin = Served.start("--spec", Path.of("..", "examples", "stripe", "spec3.json").toString())) {
            String head = curl("-s", "-i", twin.baseUrl + "/");

            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.contains("Stripe-Mock-Version: 99.0.0"), head);
        }
    }

    private static String curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "--max-time", "30"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = curl.getInputStream().readAllBytes();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    /** A {@code twin serve} child process on a free port. */
    private static final class Served implements AutoCloseable {
        private final Process process;
        private final String baseUrl;

        private Served(Process process, String baseUrl) {
            this.process = process;
            this.baseUrl = baseUrl;
        }

        static Served start(String... serveArgs) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), TwinCommand.class.getName(), "serve",
                    "--port", "0"));
            command.addAll(List.of(serveArgs));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(120, TimeUnit.SECONDS);
            Matcher matcher = READY.matcher(String.valueOf(ready));
            if (!matcher.matches()) {
                process.destroyForcibly();
                throw new AssertionError("unexpected first line: " + ready);
            }
            return new Served(process, matcher.group(1));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            assertEquals(true, process.waitFor(30, TimeUnit.SECONDS), "twin serve did not stop on SIGTERM");
        }

        private static String readLine(BufferedReader reader) {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
