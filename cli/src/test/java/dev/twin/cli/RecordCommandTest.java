package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Headers;
import dev.twin.recorder.store.RecordingStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordCommandTest {
    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();

    private int record(String... args) {
        return new CommandLine(new RecordCommand()).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void rejectsAnUpstreamThatIsNotAnHttpUrlWithExitCode2() {
        int exit = record("--upstream", "ftp://example.com", "--store", temp.resolve("t.db").toString());

        assertEquals(2, exit);
        assertEquals("twin record: bad --upstream: upstream must start with http:// or https://, got: ftp://example.com",
                err.toString().strip());
    }

    @Test
    void reportsAPortInUseWithExitCode2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = record("--upstream", "http://127.0.0.1:1", "--port", String.valueOf(taken.getLocalPort()),
                    "--store", temp.resolve("t.db").toString());

            assertEquals(2, exit);
            assertEquals("twin record: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use",
                    err.toString().strip());
        }
    }

    @Test
    void warnsOnStandardErrorWhenUpstreamCertificatesAreNotChecked() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            record("--upstream", "https://127.0.0.1:1", "--insecure-upstream", "--port",
                    String.valueOf(taken.getLocalPort()), "--store", temp.resolve("t.db").toString());

            assertTrue(err.toString().startsWith("WARNING: --insecure-upstream: upstream TLS certificates are NOT"
                    + " verified"), err.toString());
        }
    }

    @Test
    void rejectsUpstreamCaTogetherWithInsecureUpstream() {
        int exit = record("--upstream", "https://127.0.0.1:1", "--insecure-upstream", "--upstream-ca", "ca.pem",
                "--store", temp.resolve("t.db").toString());

        assertEquals(2, exit);
        assertEquals("twin record: --upstream-ca and --insecure-upstream exclude each other", err.toString().strip());
    }

    @Test
    void reportsAnUpstreamCaFileWithoutCertificatesWithExitCode2() throws IOException {
        Path notPem = Files.writeString(temp.resolve("ca.pem"), "not a certificate");

        int exit = record("--upstream", "https://127.0.0.1:1", "--upstream-ca", notPem.toString(), "--port", "0",
                "--store", temp.resolve("t.db").toString());

        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("twin record: ") && err.toString().contains(notPem.toString()),
                err.toString());
    }

    @Test
    void reportsAnUnreadableStoreWithExitCode2() throws IOException {
        Path garbage = Files.writeString(temp.resolve("garbage.db"), "this is not a twin store");

        int exit = record("--upstream", "http://127.0.0.1:1", "--port", "0", "--store", garbage.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("twin record: "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void recordsProxiedTrafficIntoTheStoreWithSecretsRedactedAndClosesItOnStop() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/charges", exchange -> {
            byte[] body = "{\"id\":\"ch_1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        Path store = temp.resolve("twin.db");
        BannerWriter out = new BannerWriter();
        RecordCommand command = new RecordCommand();
        CommandLine commandLine = new CommandLine(command).setOut(new PrintWriter(out, true));
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
                    "--upstream", "http://127.0.0.1:" + upstream.getAddress().getPort(), "--port", "0",
                    "--store", store.toString(), "--session", "cli-test"));
            assertTrue(out.firstLine.await(20, TimeUnit.SECONDS), "no banner");
            String[] lines = out.text.toString().strip().split("\n");
            Matcher banner = Pattern.compile("recording http://127\\.0\\.0\\.1:\\d+ via http://127\\.0\\.0\\.1:(\\d+) "
                    + "into .*twin\\.db \\(session cli-test\\)").matcher(lines[0]);
            assertTrue(banner.matches(), out.text.toString());
            Matcher page = Pattern.compile("inspector at (http://127\\.0\\.0\\.1:\\d+/__twin/ui)").matcher(lines[1]);
            assertTrue(page.matches(), out.text.toString());
            HttpResponse<String> inspector = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(page.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inspector.statusCode());
            assertTrue(inspector.body().contains("twin inspector"), inspector.body());

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + banner.group(1) + "/charges"))
                    .header("Authorization", "Bearer sk_test_secret").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"id\":\"ch_1\"}", response.body());
            command.stop();
            assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        } finally {
            upstream.stop(0);
        }

        try (RecordingStore reopened = RecordingStore.openReadOnly(store)) {
            List<Exchange> exchanges = reopened.exchanges("cli-test").toList();
            assertEquals(1, exchanges.size());
            String authorization = Headers.first(exchanges.get(0).request().headers(), "Authorization").orElseThrow();
            assertFalse(authorization.contains("sk_test_secret"), authorization);
            assertEquals("/charges", exchanges.get(0).request().path());
        }
    }

    /** Collects standard output and signals the first complete line. */
    private static final class BannerWriter extends Writer {
        final StringBuffer text = new StringBuffer();
        final CountDownLatch firstLine = new CountDownLatch(1);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            if (text.indexOf("\n") >= 0) {
                firstLine.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
