package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.twin.recorder.store.RecordingStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `twin record` as a real child process: SIGTERM must flush and close the store through the shutdown hook. */
class RecordShutdownTest {
    private static final Pattern BANNER = Pattern.compile("recording .* via http://127\\.0\\.0\\.1:(\\d+) into .*");

    @TempDir
    Path temp;

    @Test
    void sigtermFlushesEveryRecordedExchangeAndReleasesTheStore() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        Path store = temp.resolve("twin.db");
        Process twin = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dtwin.home=" + temp, TwinCommand.class.getName(),
                "record", "--upstream", "http://127.0.0.1:" + upstream.getAddress().getPort(), "--port", "0",
                "--store", store.toString(), "--session", "signals")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(twin.getInputStream(),
                    StandardCharsets.UTF_8));
            String banner = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);
            Matcher matcher = BANNER.matcher(String.valueOf(banner));
            assertTrue(matcher.matches(), banner);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String path : List.of("/a", "/b", "/c")) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + matcher.group(1) + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("ok", response.body());
            }

            twin.destroy();

            assertTrue(twin.waitFor(30, TimeUnit.SECONDS), "twin record did not stop on SIGTERM");
        } finally {
            twin.destroyForcibly();
            upstream.stop(0);
        }
        try (RecordingStore reopened = RecordingStore.openReadOnly(store)) {
            assertEquals(List.of("/a", "/b", "/c"),
                    reopened.exchanges("signals").map(exchange -> exchange.request().path()).toList());
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
