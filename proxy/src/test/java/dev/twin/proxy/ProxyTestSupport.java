package dev.twin.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the proxy tests: clients and curl. */
final class ProxyTestSupport {
    private ProxyTestSupport() {
    }

    static HttpClient http11() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Runs curl with the given arguments and returns its standard output; fails the test if curl fails. */
    static String curl(String... args) throws IOException, InterruptedException {
        return run(true, args);
    }

    /** Runs curl and returns its standard output whatever its exit code (for responses curl treats as errors). */
    static String curlAllowingFailure(String... args) throws IOException, InterruptedException {
        return run(false, args);
    }

    private static String run(boolean mustSucceed, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "20"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertTrue(!mustSucceed || process.exitValue() == 0, "curl failed with " + process.exitValue() + ": " + text);
        return text;
    }
}
