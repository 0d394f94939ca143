package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state admin endpoints over real HTTP, against the Stripe example. */
class StateAdminHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_A = "sk_test_tenantA";
    private static final String KEY_B = "sk_test_tenantB";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Twin server;

    @BeforeAll
    static void start() throws Exception {
        server = Twin.serve(Path.of("..", "examples", "stripe", "twin.yaml"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void cleanSlate() throws Exception {
        server.reset();
    }

    @Test
    void stateShowsATenantsTablesByCredentialOrTenantKey() throws Exception {
        String id = createCustomer(KEY_A, "Ada");

        JsonNode byCredential = call("GET", "/__twin/state?tenant=" + KEY_A, null).body();
        String tenantKey = TenantResolver.keyOf(KEY_A);
        JsonNode byKey = call("GET", "/__twin/state?tenant=" + tenantKey, null).body();

        assertEquals(tenantKey, byCredential.get("tenant").asText());
        assertEquals(List.of(id), ids(byCredential, "customers"));
        assertEquals(byCredential, byKey);
        assertEquals(List.of(), ids(call("GET", "/__twin/state?tenant=" + KEY_B, null).body(), "customers"));
        JsonNode tenants = call("GET", "/__twin/state", null).body().get("tenants");
        assertEquals(tenantKey, tenants.get(0).asText());
        assertFalse(tenants.toString().contains(KEY_A), "the raw key is never shown");
    }

    @Test
    void resetWithoutParametersDropsEveryTenantsWrites() throws Exception {
        String a = createCustomer(KEY_A, "Ada");
        String b = createCustomer(KEY_B, "Bob");

        Reply reset = call("POST", "/__twin/reset", null);

        assertEquals(200, reset.status());
        assertEquals(404, call("GET", "/v1/customers/" + a, KEY_A).status());
        assertEquals(404, call("GET", "/v1/customers/" + b, KEY_B).status());
    }

    @Test
    void resetOfOneTenantKeepsTheOthers() throws Exception {
        String a = createCustomer(KEY_A, "Ada");
        String b = createCustomer(KEY_B, "Bob");

        assertEquals(200, call("POST", "/__twin/reset?tenant=" + KEY_A, null).status());

        assertEquals(404, call("GET", "/v1/customers/" + a, KEY_A).status());
        assertEquals(200, call("GET", "/v1/customers/" + b, KEY_B).status());
    }

    @Test
    void resetOfOneTableKeepsTheOtherTables() throws Exception {
        String customer = createCustomer(KEY_A, "Ada");
        Reply product = call("POST", "/v1/products", KEY_A, "name=Widget");
        assertEquals(200, product.status(), product.body().toString());

        assertEquals(200, call("POST", "/__twin/reset?table=customers", null).status());

        assertEquals(404, call("GET", "/v1/customers/" + customer, KEY_A).status());
        assertEquals(200, call("GET", "/v1/products/" + product.body().get("id").asText(), KEY_A).status());
        Reply unknown = call("POST", "/__twin/reset?table=nope", null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().toString().contains("No table named 'nope'"), unknown.body().toString());
    }

    @Test
    void aRestoredSnapshotBringsBackTheSavedRowsAndDropsLaterOnes() throws Exception {
        String before = createCustomer(KEY_A, "Before");
        assertEquals(201, call("POST", "/__twin/snapshots/baseline", null).status());
        String after = createCustomer(KEY_A, "After");
        call("DELETE", "/v1/customers/" + before, KEY_A);

        Reply restored = call("POST", "/__twin/snapshots/baseline/restore", null);

        assertEquals(200, restored.status());
        assertEquals("Before", call("GET", "/v1/customers/" + before, KEY_A).body().get("name").asText());
        assertEquals(404, call("GET", "/v1/customers/" + after, KEY_A).status());
        assertTrue(call("GET", "/__twin/snapshots", null).body().get("snapshots").toString().contains("baseline"));
    }

    @Test
    void restoringAnUnknownSnapshotIsA404NamingIt() throws Exception {
        Reply unknown = call("POST", "/__twin/snapshots/never-saved/restore", null);

        assertEquals(404, unknown.status());
        assertTrue(unknown.body().get("error").get("message").asText().contains("No snapshot named 'never-saved'"));
    }

    private static String createCustomer(String key, String name) throws Exception {
        Reply created = call("POST", "/v1/customers", key, "name=" + name);
        assertEquals(200, created.status(), String.valueOf(created.body()));
        return created.body().get("id").asText();
    }

    private static List<String> ids(JsonNode state, String table) {
        List<String> ids = new ArrayList<>();
        state.get("tables").get(table).forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }

    private static Reply call(String method, String path, String apiKey) throws Exception {
        return call(method, path, apiKey, null);
    }

    private static Reply call(String method, String path, String apiKey, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private record Reply(int status, JsonNode body) {
    }
}
