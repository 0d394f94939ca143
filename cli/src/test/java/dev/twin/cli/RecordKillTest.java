package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.twin.recorder.store.RecordingStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `twin record` as a real child process, killed with SIGKILL while clients keep sending: every exchange a client got
 * its whole answer for is in the store afterwards. No timing: the kill comes right after the 150th answer, while the
 * other requests are in flight.
 */
class RecordKillTest {
    private static final Pattern BANNER = Pattern.compile("recording .* via http://127\\.0\\.0\\.1:(\\d+) into .*");
    private static final int CLIENTS = 6;
    private static final int ANSWERS_BEFORE_KILL = 150;

    @TempDir
    Path temp;

    @Test
    void everyAnsweredExchangeSurvivesKillNine() throws Exception {
        HttpServer upstream = upstream();
        Path store = temp.resolve("twin.db");
        Process twin = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dtwin.home=" + temp, TwinCommand.class.getName(),
                "record", "--upstream", "http://127.0.0.1:" + upstream.getAddress().getPort(), "--port", "0",
                "--store", store.toString(), "--session", "kill")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        CountDownLatch enoughAnswers = new CountDownLatch(ANSWERS_BEFORE_KILL);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(twin.getInputStream(),
                    StandardCharsets.UTF_8));
            Matcher banner = BANNER.matcher(String.valueOf(stdout.readLine()));
            assertTrue(banner.matches(), "banner");
            String proxy = "http://127.0.0.1:" + banner.group(1);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> sendUntilRefused(proxy, client, answered, enoughAnswers)));
            }

            assertTrue(enoughAnswers.await(120, TimeUnit.SECONDS), "clients got " + answered.size() + " answers");
            twin.destroyForcibly();
            assertTrue(twin.waitFor(60, TimeUnit.SECONDS), "twin record survived SIGKILL");
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            twin.destroyForcibly();
            clients.shutdownNow();
            upstream.stop(0);
        }

        Set<String> recorded;
        try (RecordingStore reopened = RecordingStore.openReadOnly(store)) {
            recorded = reopened.exchanges("kill").map(exchange -> exchange.request().path())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> lost = new TreeSet<>(answered);
        lost.removeAll(recorded);
        assertTrue(answered.size() >= ANSWERS_BEFORE_KILL, "answers: " + answered.size());
        assertTrue(lost.isEmpty(), lost.size() + " of " + answered.size() + " answered exchanges lost: " + lost);
    }

    /** Fixed-length, empty (Content-Length: 0) and chunked answers: each ends differently on the wire. */
    private static HttpServer upstream() throws IOException {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.setExecutor(Executors.newFixedThreadPool(CLIENTS));
        upstream.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            if (path.startsWith("/empty/")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (path.startsWith("/chunked/")) {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        upstream.start();
        return upstream;
    }

    /** Sends request after request and notes each path whose whole answer arrived, until twin is gone. */
    private static Void sendUntilRefused(String proxy, int client, Set<String> answered, CountDownLatch answers) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] kinds = {"/fixed/", "/empty/", "/chunked/"};
        for (int i = 0; ; i++) {
            String path = kinds[i % kinds.length] + client + "-" + i;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(proxy + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    answered.add(path);
                    answers.countDown();
                }
            } catch (IOException twinGone) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
