package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Card data and multipart fields sent through `twin record` over real sockets: the raw bytes of the store files and
 * of the exported HAR hold none of them, and both are owner-only.
 */
class RecordedCardAndMultipartSecretsTest {
    private static final List<String> SECRETS = List.of("4242424242424242", "4242+4242", "5555555555554444",
            "card%5Bcvc%5D=314", "\"cvc\":\"271\"", "multipart_password_secret", "\r\n828\r\n", "id-scan-bytes");

    @TempDir
    Path temp;

    @Test
    void theStoreAndTheHarHoldNoCardDataNorMultipartSecrets() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"id\":\"tok_1\",\"card\":{\"last4\":\"4242\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        Path storeDir = Files.createDirectory(temp.resolve("store"));
        Path store = storeDir.resolve("twin.db");
        StringWriter out = new StringWriter();
        CountDownLatch banner = new CountDownLatch(1);
        RecordCommand command = new RecordCommand();
        CommandLine commandLine = new CommandLine(command).setOut(new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                out.write(chars, offset, length);
                if (out.toString().contains("\n")) {
                    banner.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true));
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
                    "--upstream", "http://127.0.0.1:" + upstream.getAddress().getPort(), "--port", "0",
                    "--store", store.toString(), "--session", "cards", "--redact", "id_scan"));
            assertTrue(banner.await(20, TimeUnit.SECONDS), "no banner");
            Matcher port = Pattern.compile("via http://127\\.0\\.0\\.1:(\\d+) ").matcher(out.toString());
            assertTrue(port.find(), out.toString());
            URI tokens = URI.create("http://127.0.0.1:" + port.group(1) + "/v1/tokens");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            post(client, tokens, "application/x-www-form-urlencoded",
                    "card%5Bnumber%5D=4242+4242+4242+4242&card%5Bcvc%5D=314&card%5Bexp_month%5D=12");
            post(client, tokens, "application/json",
                    "{\"card\":{\"number\":\"5555555555554444\",\"cvc\":\"271\",\"exp_year\":2030}}");
            post(client, tokens, "multipart/form-data; boundary=XyZ", "--XyZ\r\n"
                    + "Content-Disposition: form-data; name=\"password\"\r\n\r\nmultipart_password_secret\r\n--XyZ\r\n"
                    + "Content-Disposition: form-data; name=\"cvv\"\r\n\r\n828\r\n--XyZ\r\n"
                    + "Content-Disposition: form-data; name=\"id_scan\"; filename=\"scan.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\nid-scan-bytes\r\n--XyZ--\r\n");
            command.stop();
            assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        } finally {
            upstream.stop(0);
        }
        Path har = temp.resolve("cards.har");
        assertEquals(0, new CommandLine(new TwinCommand()).setOut(new PrintWriter(new StringWriter()))
                .execute("recordings", "export", "--store", store.toString(), "--har", har.toString()));

        try (Stream<Path> files = Files.list(storeDir)) {
            for (Path file : files.toList()) {
                assertNoSecret(file);
            }
        }
        assertNoSecret(har);
        assertTrue(Files.readString(har).contains("5500000000004444"), "the masked card number is recorded");
    }

    private static void post(HttpClient client, URI uri, String contentType, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
    }

    private static void assertNoSecret(Path file) throws Exception {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
            assertFalse(bytes.contains(secret), secret + " found in " + file);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }
}
