package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code twin serve examples/stripe} as a real child process, driven with curl the way the README's tour does:
 * the command a user runs is stateful, per tenant, and resettable.
 */
class ServeProcessTest {
    private static final Pattern READY = Pattern.compile("twin serving (\\d+) operations from stripe on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process twin;
    private static String baseUrl;
    private static String adminLine;

    @BeforeAll
    static void startTwinServe() throws Exception {
        twin = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TwinCommand.class.getName(),
                "serve", Path.of("..", "examples", "stripe").toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(twin.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(120, TimeUnit.SECONDS);
        Matcher matcher = READY.matcher(String.valueOf(ready));
        assertTrue(matcher.matches(), "unexpected first line: " + ready);
        assertEquals("468", matcher.group(1));
        baseUrl = matcher.group(2);
        String derived = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(30, TimeUnit.SECONDS);
        assertTrue(String.valueOf(derived).startsWith("stateful: auto: "), "examples/stripe says stateful: auto: "
                + derived);
        adminLine = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void givenTheDefaultLoopbackBind_whenReady_thenItSaysWhereAdminIsAndThatItHasNoToken() {
        assertEquals("admin API at " + baseUrl + "/__twin/ (loopback only, no token: any program on this machine"
                + " may use it)", adminLine);
    }

    @AfterAll
    static void stopTwinServe() throws Exception {
        twin.destroy();
        assertTrue(twin.waitFor(30, TimeUnit.SECONDS), "twin serve did not stop on SIGTERM");
    }

    @Test
    void aCustomerCreatedWithCurlIsListedForItsTenantOnlyUntilReset() throws Exception {
        JsonNode created = curl("-u", "sk_test_alice:", "-d", "name=Jenny Rosen", "-d", "email=jenny@example.com",
                baseUrl + "/v1/customers");
        assertEquals("customer", created.path("object").asText());
        assertEquals("Jenny Rosen", created.path("name").asText());
        assertTrue(created.path("id").asText().matches("cus_[A-Za-z0-9]{14}"), created.toString());

        assertTrue(ids(curl("-u", "sk_test_alice:", baseUrl + "/v1/customers")).contains(created.path("id").asText()));
        assertTrue(!ids(curl("-u", "sk_test_bob:", baseUrl + "/v1/customers")).contains(created.path("id").asText()));

        curl("-X", "POST", baseUrl + "/__twin/reset");

        JsonNode afterReset = curl("-u", "sk_test_alice:", baseUrl + "/v1/customers/" + created.path("id").asText());
        assertEquals("resource_missing", afterReset.path("error").path("code").asText());
    }

    @Test
    void anUnboundOperationAnswersFromTheSpecWithTheSandboxHeader() throws Exception {
        Process curl = new ProcessBuilder("curl", "-s", "-i", "-u", "sk_test_alice:", baseUrl + "/v1/balance").start();
        String response = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));

        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.toLowerCase().contains("twin-sandbox: true"), response);
        assertTrue(response.contains("\"object\":\"balance\""), response);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(row -> ids.add(row.path("id").asText()));
        return ids;
    }

    private static JsonNode curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "30"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] body = curl.getInputStream().readAllBytes();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        return JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
