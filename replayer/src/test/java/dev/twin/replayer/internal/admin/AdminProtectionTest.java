package dev.twin.replayer.internal.admin;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.testing.RawSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API's protection over real sockets, against the Stripe example with its state endpoints: one twin with
 * an admin token and one without (loopback, the default), both listing https://dashboard.example as an origin, and
 * each holding one customer of one tenant before every test.
 */
class AdminProtectionTest {
    private static final String TOKEN = "admin-secret-7f3a";
    private static final String TENANT_KEY = "sk_test_tenantA";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Twin guarded;
    private static Twin open;
    private final Map<Twin, String> customers = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        TwinConfig config = ConfigLoader.load(Path.of("..", "examples", "stripe", "twin.yaml"));
        List<String> origins = List.of("https://dashboard.example");
        guarded = Twin.builder().config(config).admin(AdminAccess.of(true, TOKEN, origins)).start();
        open = Twin.builder().config(config).admin(AdminAccess.of(true, null, origins)).start();
    }

    @AfterAll
    static void stop() {
        guarded.close();
        open.close();
    }

    @BeforeEach
    void aTenantWithACustomerOnEachTwin() throws Exception {
        for (Twin twin : List.of(guarded, open)) {
            twin.reset();
            HttpResponse<String> created = send(twin, HttpRequest.newBuilder(uri(twin, "/v1/customers"))
                    .header("Authorization", "Bearer " + TENANT_KEY)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Ada")));
            assertEquals(200, created.statusCode(), created.body());
            customers.put(twin, Http.json(created.body()).get("id").asText());
        }
    }

    @Test
    void givenAToken_whenAnAdminRequestCarriesNone_thenItIsA401NamingTheToken() throws Exception {
        HttpResponse<String> state = get(guarded, "/__twin/state?tenant=" + TENANT_KEY);

        assertEquals(401, state.statusCode());
        assertTrue(state.body().contains("needs the admin token"), state.body());
        assertFalse(state.body().contains(customers.get(guarded)), "no tenant row leaks: " + state.body());
    }

    @Test
    void givenAToken_whenATenantsApiKeyIsSentInstead_thenItIsA401() throws Exception {
        HttpResponse<String> state = get(guarded, "/__twin/state?tenant=" + TENANT_KEY,
                "Authorization", "Bearer " + TENANT_KEY);

        assertEquals(401, state.statusCode());
        assertTrue(state.body().contains("not the admin token"), state.body());
        assertFalse(state.body().contains(customers.get(guarded)), state.body());
    }

    @Test
    void givenAToken_whenTheRightOneIsSent_thenTheTenantsRowsAreShown() throws Exception {
        HttpResponse<String> state = get(guarded, "/__twin/state?tenant=" + TENANT_KEY,
                "Authorization", "Bearer " + TOKEN);

        assertEquals(200, state.statusCode(), state.body());
        assertTrue(state.body().contains(customers.get(guarded)), state.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%5f%5ftwin/state", "/%5F%5Ftwin/state", "/__twin%2fstate", "/__twin%2Fstate",
        "//__twin/state", "/./__twin/state", "/v1/../__twin/state", "/__TWIN/state", "/__twin/./state",
        "/__twin//state", "/%2e/__twin/state"})
    void givenAnAdminPathThatIsAdminOnlyOnceDecoded_whenSent_thenItIsA400AndNoRowLeaks(String path)
            throws Exception {
        for (Twin server : List.of(guarded, open)) {
            try (RawSocket socket = RawSocket.connect(server.port())) {
                String response = socket.send(RawSocket.request("GET", path + "?tenant=" + TENANT_KEY))
                        .readResponse();

                assertEquals(400, RawSocket.status(response), response);
                assertTrue(response.contains("only once decoded"), response);
                assertFalse(response.contains(customers.get(server)), response);
            }
        }
    }

    @Test
    void givenNoToken_whenAPageOnAnotherOriginPostsTextPlainToReset_thenItIsA403AndNothingIsReset()
            throws Exception {
        HttpResponse<String> reset = send(open, HttpRequest.newBuilder(uri(open, "/__twin/reset"))
                .header("Origin", "https://evil.example").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(403, reset.statusCode());
        assertTrue(reset.body().contains("Origin https://evil.example may not use the admin API"), reset.body());
        assertTrue(customerStillThere(open));
    }

    @Test
    void givenNoOrigin_whenATextPlainBodyIsPostedToReset_thenItIsA415AndNothingIsReset() throws Exception {
        HttpResponse<String> reset = send(open, HttpRequest.newBuilder(uri(open, "/__twin/reset"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(415, reset.statusCode());
        assertTrue(reset.body().contains("Content-Type: application/json, not text/plain"), reset.body());
        assertTrue(customerStillThere(open));
    }

    @Test
    void givenAValidToken_whenAForeignOriginReadsState_thenItIsA403WithoutCorsHeaders() throws Exception {
        HttpResponse<String> state = get(guarded, "/__twin/state?tenant=" + TENANT_KEY,
                "Origin", "http://evil.example:4280", "Authorization", "Bearer " + TOKEN);

        assertEquals(403, state.statusCode());
        assertFalse(state.body().contains(customers.get(guarded)), state.body());
        assertTrue(state.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void givenALoopbackOrigin_whenItReadsState_thenItIsAnsweredWithoutCorsHeaders() throws Exception {
        HttpResponse<String> state = get(open, "/__twin/state?tenant=" + TENANT_KEY,
                "Origin", "http://localhost:3000");

        assertEquals(200, state.statusCode(), state.body());
        assertTrue(state.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void givenAListedOrigin_whenItPostsJsonToReset_thenTheResetHappens() throws Exception {
        HttpResponse<String> reset = send(open, HttpRequest.newBuilder(uri(open, "/__twin/reset"))
                .header("Origin", "https://dashboard.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(200, reset.statusCode(), reset.body());
        assertFalse(customerStillThere(open));
    }

    @Test
    void givenNoToken_whenTheHostNamesAnotherMachine_thenItIsA403() throws Exception {
        // a page on evil.example whose DNS now answers 127.0.0.1 sends its own name and, on a GET, no Origin
        try (RawSocket socket = RawSocket.connect(open.port())) {
            String response = socket.send("GET /__twin/state?tenant=" + TENANT_KEY + " HTTP/1.1\r\n"
                    + "Host: evil.example:" + open.port() + "\r\n\r\n").readResponse();

            assertEquals(403, RawSocket.status(response), response);
            assertFalse(response.contains(customers.get(open)), response);
        }
    }

    @Test
    void givenANonLoopbackHost_whenStartedWithoutAToken_thenItRefusesToStart() throws Exception {
        TwinConfig config = ConfigLoader.load(Path.of("..", "examples", "petstore"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Twin.builder().config(config).host("0.0.0.0").start());

        assertTrue(refused.getMessage().contains("--admin-token"), refused.getMessage());
    }

    @Test
    void givenANonLoopbackHostAndNoAdmin_whenStarted_thenAdminPathsAre404() throws Exception {
        TwinConfig config = ConfigLoader.load(Path.of("..", "examples", "petstore"));
        try (Twin server = Twin.builder().config(config).host("0.0.0.0").admin(AdminAccess.OFF).start()) {
            HttpResponse<String> health = send(server, HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/__twin/health")).GET());

            assertEquals(404, health.statusCode());
            assertTrue(health.body().contains("turned off"), health.body());
        }
    }

    private boolean customerStillThere(Twin twin) throws Exception {
        return get(twin, "/__twin/state?tenant=" + TENANT_KEY, "Authorization", "Bearer " + TOKEN).body()
                .contains(customers.get(twin));
    }

    private static HttpResponse<String> get(Twin server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(server, request);
    }

    private static HttpResponse<String> send(Twin server, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Twin server, String path) {
        return URI.create(server.baseUrl() + path);
    }

    /** JSON for the few bodies read here. */
    private static final class Http {
        static com.fasterxml.jackson.databind.JsonNode json(String body) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        }
    }
}
