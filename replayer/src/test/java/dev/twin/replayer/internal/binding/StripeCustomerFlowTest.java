package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripe's basic customer flow against examples/stripe, request by request as curl would send it (form bodies,
 * Bearer key), with the bodies Stripe answers; only minted ids and timestamps are not compared literally.
 */
class StripeCustomerFlowTest {
    private static final String KEY = "sk_test_customer_flow";
    private static RunningTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = RunningTwin.example("stripe");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void createListGetUpdateDeleteThenGetAnswerAsStripeDoes() throws Exception {
        // create
        RunningTwin.Reply created = twin.postForm("/v1/customers", KEY,
                form("name", "Jenny Rosen", "email", "jennyrosen@example.com"));
        assertEquals(200, created.status(), created.raw().body());
        String id = created.body().get("id").asText();
        assertTrue(id.matches("cus_[0-9A-Za-z]{14}"), id);
        long createdAt = created.body().get("created").asLong();
        assertTrue(Math.abs(createdAt - System.currentTimeMillis() / 1000) < 3600, "created is unix seconds");
        JsonNode expected = customer(id, createdAt, "Jenny Rosen", "jennyrosen@example.com");
        assertEquals(expected, created.body());

        // list
        RunningTwin.Reply list = twin.get("/v1/customers", KEY);
        assertEquals(200, list.status());
        ObjectNode expectedList = RunningTwin.JSON.createObjectNode();
        expectedList.put("object", "list");
        expectedList.putArray("data").add(expected);
        expectedList.put("has_more", false);
        expectedList.put("url", "/v1/customers");
        assertEquals(expectedList, list.body());

        // get
        RunningTwin.Reply fetched = twin.get("/v1/customers/" + id, KEY);
        assertEquals(200, fetched.status());
        assertEquals(expected, fetched.body());

        // update (Stripe updates with POST and merges)
        RunningTwin.Reply updated = twin.postForm("/v1/customers/" + id, KEY,
                form("name", "Jenny R.", "metadata[order_id]", "6735"));
        assertEquals(200, updated.status());
        ObjectNode expectedUpdate = customer(id, createdAt, "Jenny R.", "jennyrosen@example.com");
        expectedUpdate.putObject("metadata").put("order_id", "6735");
        assertEquals(expectedUpdate, updated.body());
        assertEquals(expectedUpdate, twin.get("/v1/customers/" + id, KEY).body());

        // delete
        RunningTwin.Reply deleted = twin.delete("/v1/customers/" + id, KEY);
        assertEquals(200, deleted.status());
        assertEquals(RunningTwin.JSON.readTree("{\"id\":\"" + id + "\",\"object\":\"customer\",\"deleted\":true}"),
                deleted.body());

        // get after delete
        RunningTwin.Reply missing = twin.get("/v1/customers/" + id, KEY);
        assertEquals(404, missing.status());
        assertEquals(RunningTwin.JSON.readTree("{\"error\":{\"code\":\"resource_missing\",\"message\":"
                + "\"No such customer: '" + id + "'\",\"param\":\"id\",\"type\":\"invalid_request_error\"}}"),
                missing.body());
    }

    @Test
    void emptyMetadataValueUnsetsTheKeyAsStripeDocuments() throws Exception {
        String key = "sk_test_metadata";
        String id = twin.postForm("/v1/customers", key, form("metadata[a]", "1", "metadata[b]", "2"))
                .body().get("id").asText();

        JsonNode updated = twin.postForm("/v1/customers/" + id, key, form("metadata[a]", "")).body();

        assertEquals(RunningTwin.JSON.readTree("{\"b\":\"2\"}"), updated.get("metadata"));
    }

    @Test
    void listFiltersByEmailAndPagesNewestFirst() throws Exception {
        String key = "sk_test_paging";
        for (int i = 0; i < 3; i++) {
            twin.postForm("/v1/customers", key, form("email", "p" + i + "@example.com"));
        }

        JsonNode first = twin.get("/v1/customers?limit=2", key).body();
        JsonNode second = twin.get("/v1/customers?limit=2&starting_after="
                + first.get("data").get(1).get("id").asText(), key).body();
        JsonNode filtered = twin.get("/v1/customers?email=p1@example.com", key).body();

        assertEquals("p2@example.com", first.get("data").get(0).get("email").asText());
        assertTrue(first.get("has_more").asBoolean());
        assertEquals(1, second.get("data").size());
        assertEquals("p0@example.com", second.get("data").get(0).get("email").asText());
        assertEquals(false, second.get("has_more").asBoolean());
        assertEquals(1, filtered.get("data").size());
        assertEquals("p1@example.com", filtered.get("data").get(0).get("email").asText());
    }

    @Test
    void operationsWithoutABindingStillAnswerFromTheSpec() throws Exception {
        RunningTwin.Reply balance = twin.get("/v1/balance", "sk_test_unbound");

        assertEquals(200, balance.status());
        assertEquals("balance", balance.body().get("object").asText());
    }

    @Test
    void missingRequiredParamIsStripesParameterError() throws Exception {
        RunningTwin.Reply reply = twin.postForm("/v1/payment_intents", "sk_test_missing", form("currency", "usd"));

        assertEquals(400, reply.status());
        JsonNode error = reply.body().get("error");
        assertEquals("amount", error.get("param").asText(), reply.raw().body());
        assertEquals("invalid_request_error", error.get("type").asText());
    }

    @Test
    void productWithAChosenIdKeepsItAndATakenIdIsAConflict() throws Exception {
        String key = "sk_test_products";
        RunningTwin.Reply created = twin.postForm("/v1/products", key, form("id", "prod_gold", "name", "Gold"));
        RunningTwin.Reply again = twin.postForm("/v1/products", key, form("id", "prod_gold", "name", "Gold"));

        assertEquals(200, created.status(), created.raw().body());
        assertEquals("prod_gold", created.body().get("id").asText());
        assertEquals("product", created.body().get("object").asText());
        assertEquals(409, again.status());
        assertEquals("resource_already_exists", again.body().get("error").get("code").asText());
    }

    @Test
    void liveKeyIsRefusedWithStripes401() throws Exception {
        RunningTwin.Reply reply = twin.get("/v1/customers", "sk_live_abcdefghijklmnop1234");

        assertEquals(401, reply.status());
        assertEquals(RunningTwin.JSON.readTree("{\"error\":{\"message\":\"Invalid API Key provided: "
                + "sk_live_****1234\",\"type\":\"invalid_request_error\"}}"), reply.body());
    }

    @Test
    void eachApiKeySeesOnlyItsOwnCustomers() throws Exception {
        String id = twin.postForm("/v1/customers", "sk_test_tenant_a", form("name", "A")).body().get("id").asText();

        RunningTwin.Reply fromOther = twin.get("/v1/customers/" + id, "sk_test_tenant_b");
        JsonNode otherList = twin.get("/v1/customers", "sk_test_tenant_b").body();

        assertEquals(404, fromOther.status());
        assertEquals(0, otherList.get("data").size());
        assertEquals(200, twin.get("/v1/customers/" + id, "sk_test_tenant_a").status());
    }

    @Test
    void sameIdempotencyKeyReplaysTheFirstCreate() throws Exception {
        String key = "sk_test_idempotency";
        Map<String, String> headers = Map.of("Idempotency-Key", "order-42");

        RunningTwin.Reply first = twin.postForm("/v1/customers", key, form("name", "Once"), headers);
        RunningTwin.Reply again = twin.postForm("/v1/customers", key, form("name", "Once"), headers);

        assertEquals(first.body(), again.body());
        assertEquals("true", again.raw().headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(1, twin.get("/v1/customers", key).body().get("data").size());
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    /** A customer as Stripe's API (version 2023-08-16) returns it. */
    private static ObjectNode customer(String id, long created, String name, String email) throws Exception {
        return (ObjectNode) RunningTwin.JSON.readTree("""
                {"id": "%s", "object": "customer", "address": null, "balance": 0, "created": %d,
                 "currency": null, "default_source": null, "delinquent": false, "description": null,
                 "discount": null, "email": "%s", "invoice_prefix": "8D4E9F3A",
                 "invoice_settings": {"custom_fields": null, "default_payment_method": null, "footer": null,
                                      "rendering_options": null},
                 "livemode": false, "metadata": {}, "name": "%s", "next_invoice_sequence": 1, "phone": null,
                 "preferred_locales": [], "shipping": null, "tax_exempt": "none", "test_clock": null}
                """.formatted(id, created, email, name));
    }
}
