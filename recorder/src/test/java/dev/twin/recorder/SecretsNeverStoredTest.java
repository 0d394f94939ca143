package dev.twin.recorder;

import dev.twin.recorder.har.HarExporter;
import dev.twin.recorder.har.HarImporter;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.RecordingWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Given exchanges full of secrets, neither the store file (nor its log) nor an exported HAR holds any of them. */
class SecretsNeverStoredTest {
    private static final List<String> SECRETS = List.of("sk_test_bearer_secret", "basic_user_secret",
            "basic_password_secret", "cookie_secret_value", "set_cookie_secret", "x_api_key_secret",
            "query_api_key_secret", "query_token_secret", "form_password_secret", "json_access_token_secret",
            "gzip_refresh_token_secret", "extra_field_secret", "extra_header_secret");

    @TempDir
    Path dir;

    @Test
    void recordedSecretsReachNeitherTheStoreFilesNorTheHar() throws IOException {
        Path storeDir = Files.createDirectory(dir.resolve("store"));
        Path file = storeDir.resolve("twin.db");
        Path har = dir.resolve("export.har");

        try (RecordingStore store = RecordingStore.open(file)) {
            RecordingWriter writer = store.writer(Redactor.withExtraNames(List.of("ssn", "X-Tenant-Secret")));
            writer.accept(formExchange());
            writer.accept(jsonExchange());
            writer.flush();
            assertEquals(2, store.count());
            assertNoSecretIn(storeDir);
            HarExporter.export(store.exchanges(null).iterator(), har);
        }

        assertNoSecretIn(storeDir);
        assertNoSecret(Files.readAllBytes(har), har.toString());
    }

    @Test
    void cardDataAndMultipartSecretsReachNeitherTheStoreFilesNorTheHar() throws IOException {
        Path storeDir = Files.createDirectory(dir.resolve("store"));
        Path har = dir.resolve("export.har");
        List<String> secrets = List.of("4242424242424242", "4242%204242", "4242+4242+4242+4242", "5555555555554444",
                "cvc=123", "cvc%5D=123", "\"cvc\":\"123\"", "multipart_password_secret", "=987\r\n", "\r\n987\r\n",
                "4111111111111111");

        try (RecordingStore store = RecordingStore.open(storeDir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults());
            writer.accept(post("application/x-www-form-urlencoded",
                    "card%5Bnumber%5D=4242+4242+4242+4242&card%5Bcvc%5D=123&amount=100"));
            writer.accept(post("application/json", "{\"card\":{\"number\":\"5555555555554444\",\"cvc\":\"123\"}}"));
            writer.accept(post("multipart/form-data; boundary=b0", "--b0\r\nContent-Disposition: form-data; "
                    + "name=\"password\"\r\n\r\nmultipart_password_secret\r\n--b0\r\nContent-Disposition: form-data;"
                    + " name=\"card[number]\"\r\n\r\n4111111111111111\r\n--b0\r\nContent-Disposition: form-data;"
                    + " name=\"card[cvc]\"\r\n\r\n987\r\n--b0--\r\n"));
            writer.flush();
            assertEquals(3, store.count());
            HarExporter.export(store.exchanges(null).iterator(), har);
        }

        for (Path path : files(storeDir)) {
            assertNoneOf(secrets, Files.readAllBytes(path), path.toString());
        }
        assertNoneOf(secrets, Files.readAllBytes(har), har.toString());
    }

    private static Exchange post(String contentType, String body) {
        RecordedRequest request = new RecordedRequest("POST", "https", "api.example.com", 443, "/v1/tokens", null,
                List.of(new Header("Content-Type", contentType)), Body.of(body));
        return new Exchange(0, "cards", Instant.now(), 1, "127.0.0.1:1", request,
                new RecordedResponse(200, List.of(), Body.EMPTY), null, false);
    }

    private static void assertNoneOf(List<String> secrets, byte[] bytes, String where) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertFalse(text.contains(secret), secret + " found in " + where);
        }
    }

    @Test
    void importedHarSecretsAreRedactedBeforeStoring() throws IOException {
        Path storeDir = Files.createDirectory(dir.resolve("store"));
        Path har = dir.resolve("chrome.har");
        try (InputStream in = getClass().getResourceAsStream("/har/chrome-sample.har")) {
            Files.copy(in, har);
        }
        List<String> chromeSecrets = List.of("sk_test_chrome_secret", "key_live_123", "cookie_secret_value");
        Redactor redactor = Redactor.withExtraNames(List.of("cvc"));

        try (RecordingStore store = RecordingStore.open(storeDir.resolve("twin.db"))) {
            HarImporter.read(har, null, exchange -> store.append(redactor.redact(exchange)));
            store.commit();
        }

        for (Path path : files(storeDir)) {
            String bytes = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
            for (String secret : chromeSecrets) {
                assertFalse(bytes.contains(secret), secret + " found in " + path);
            }
            assertFalse(bytes.contains("card%5Bcvc%5D=123"), "card cvc found in " + path);
        }
    }

    private static Exchange formExchange() {
        String basic = Base64.getEncoder().encodeToString(
                "basic_user_secret:basic_password_secret".getBytes(StandardCharsets.UTF_8));
        RecordedRequest request = new RecordedRequest("POST", "https", "api.example.com", 443, "/login",
                "api_key=query_api_key_secret&access_token=query_token_secret",
                List.of(new Header("Authorization", "Basic " + basic),
                        new Header("Cookie", "sid=cookie_secret_value"),
                        new Header("X-Tenant-Secret", "extra_header_secret"),
                        new Header("Content-Type", "application/x-www-form-urlencoded")),
                Body.of("user=ann&password=form_password_secret&ssn=extra_field_secret"));
        RecordedResponse response = new RecordedResponse(200,
                List.of(new Header("Set-Cookie", "sid=set_cookie_secret; Path=/")), Body.EMPTY);
        return new Exchange(0, "secrets", Instant.now(), 1, "127.0.0.1:1", request, response, null, false);
    }

    private static Exchange jsonExchange() throws IOException {
        RecordedRequest request = new RecordedRequest("POST", "https", "api.example.com", 443, "/oauth/token",
                null, List.of(new Header("Authorization", "Bearer sk_test_bearer_secret"),
                new Header("X-Api-Key", "x_api_key_secret"), new Header("Content-Type", "application/json")),
                Body.of("{\"grant\":{\"access_token\":\"json_access_token_secret\"}}"));
        byte[] gzipped = gzip("{\"refresh_token\":\"gzip_refresh_token_secret\",\"expires_in\":3600}");
        RecordedResponse response = new RecordedResponse(200, List.of(new Header("Content-Type",
                "application/json"), new Header("Content-Encoding", "gzip")),
                new Body(gzipped, false, gzipped.length, "gzip"));
        return new Exchange(0, "secrets", Instant.now(), 1, "127.0.0.1:1", request, response, null, false);
    }

    private static void assertNoSecretIn(Path directory) throws IOException {
        for (Path path : files(directory)) {
            assertNoSecret(Files.readAllBytes(path), path.toString());
        }
    }

    private static void assertNoSecret(byte[] bytes, String where) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), secret + " found in " + where);
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            return new ArrayList<>(paths.toList());
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
