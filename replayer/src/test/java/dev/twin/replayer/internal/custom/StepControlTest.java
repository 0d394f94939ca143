package dev.twin.replayer.internal.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What custom operations can say beyond plain steps, over HTTP on a small cart API written for the test: steps
 * that run only {@code when} something holds, once per element ({@code each}), {@code call} another operation,
 * {@code fail} keeping what was written ({@code commit}), {@code merge} into a stored map, error bodies with a
 * {@code type} and {@code extra} fields, {@code fn:} functions and {@code magic} values.
 */
class StepControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: carts, version: '1'}
            paths:
              /carts:
                get: {operationId: listCarts, responses: {'200': {description: ok}}}
                post: {operationId: createCart, responses: {'200': {description: ok}}}
              /carts/{cart}:
                parameters: [{name: cart, in: path, required: true, schema: {type: string}}]
                get: {operationId: getCart, responses: {'200': {description: ok}}}
              /carts/{cart}/pay:
                parameters: [{name: cart, in: path, required: true, schema: {type: string}}]
                post: {operationId: payCart, responses: {'200': {description: ok}}}
              /carts/{cart}/note:
                parameters: [{name: cart, in: path, required: true, schema: {type: string}}]
                post: {operationId: noteCart, responses: {'200': {description: ok}}}
              /charges:
                get: {operationId: listCharges, responses: {'200': {description: ok}}}
            """;
    private static final String TWIN = """
            imports: [{path: carts.yaml, as: carts}]
            server: {validate: "off"}
            conventions: {errors: {wrap: error}}
            magicValues:
              products:
                keys: [sku]
                values:
                  - {sku: A, price: 100}
                  - {sku: B, price: 250}
              cards:
                keys: [token, number]
                values:
                  - {token: ok_card, number: "4242", outcome: ok}
                  - {token: bad_card, outcome: declined, message: Your card was declined.}
            tables:
              - {name: carts, idPrefix: cart_}
              - {name: lines, idPrefix: li_, response: {fields: {inject: {object: line}}}}
              - {name: charges, idPrefix: ch_}
            extend:
              - {mock: carts.listCarts, table: carts, action: list}
              - {mock: carts.getCart, table: carts, action: get}
              - {mock: carts.createCart, action: custom, operation: CreateCart}
              - {mock: carts.payCart, action: custom, operation: PayCart}
              - {mock: carts.noteCart, action: custom, operation: NoteCart}
              - {mock: carts.listCharges, table: charges, action: list}
            customOperations:
              - name: CreateCart
                steps:
                  - {type: validate, each: input.items, check: "magic.products[each.sku] != null",
                     error: {kind: NOT_FOUND, param: items, message: "'No such product: ' + each.sku"}}
                  - {type: create, table: carts, as: cart, set: {status: "'open'", metadata: "input.metadata ?? {:}"}}
                  - type: create
                    table: lines
                    each: input.items
                    as: lines
                    set: {cart: cart.id, sku: each.sku, quantity: "each.qty ?? 1",
                          amount: "magic.products[each.sku].price * (each.qty ?? 1)"}
                  - {type: set, as: discount, value: "0"}
                  - {type: set, when: "input.coupon == 'HALF'", as: discount, value: "fn:sum(lines, 'amount') / 2"}
                  - {type: set, when: "input.coupon == 'NONE'", as: discount, value: "999"}
                  - type: update
                    table: carts
                    id: cart.id
                    set: {lines: lines, total: "fn:sum(lines, 'amount') - discount",
                          fingerprint: "fn:hash(input.items[0].sku, 8)",
                          due: "fn:addInterval(1700000000, 'month', 1)"}
                response: cart
              - name: Charge
                steps:
                  - {type: create, table: charges, as: charge,
                     set: {amount: input.amount, ok: "input.card != null && input.card.outcome == 'ok'"}}
                response: charge
              - name: PayCart
                steps:
                  - {type: read, table: carts, id: input.cart, as: cart}
                  - {type: validate, check: "cart.status == 'open'",
                     error: {kind: VALIDATION_ERROR, code: cart_unexpected_state, message: "'Cart is ' + cart.status"}}
                  - {type: set, as: card, value: "magic.cards[input.card]"}
                  - {type: call, operation: Charge, input: {amount: cart.total, card: card}, as: charge}
                  - {type: update, table: carts, id: cart.id,
                     set: {status: "charge.ok ? 'paid' : 'open'", last_error: "charge.ok ? null : card.message"}}
                  - type: fail
                    when: "!charge.ok"
                    commit: true
                    error: {kind: VALIDATION_ERROR, status: 402, type: card_error, code: card_declined,
                            message: "card.message ?? 'No such card.'",
                            extra: {cart: cart, decline_code: "'generic_decline'"}}
                response: cart
              - name: NoteCart
                steps:
                  - {type: update, table: carts, id: input.cart, merge: {metadata: input.metadata}, as: cart}
                response: cart
            """;

    @TempDir
    static Path dir;
    private static Twin twin;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("carts.yaml"), SPEC);
        twin = Twin.serve(Files.writeString(dir.resolve("twin.yaml"), TWIN));
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    private record Reply(int status, JsonNode body) {
    }

    private static Reply post(String key, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private static Reply get(String key, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .header("Authorization", "Bearer " + key).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    @Test
    void eachCreatesOneRowPerElementAndFunctionsComputeTheTotal() throws Exception {
        Reply cart = post("k_each", "/carts", "{\"items\":[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\"}]}");

        assertEquals(200, cart.status(), cart.body().toString());
        assertEquals(450, cart.body().get("total").asInt());
        assertEquals(2, cart.body().get("lines").size());
        assertEquals("line", cart.body().get("lines").get(0).get("object").asText(), "stored rows are shaped");
        assertEquals(200, cart.body().get("lines").get(0).get("amount").asInt());
        assertEquals(1702592000L, cart.body().get("due").asLong(), "a calendar month after 2023-11-14");
        assertEquals(8, cart.body().get("fingerprint").asText().length());
    }

    @Test
    void theSameInputHashesTheSame() throws Exception {
        Reply first = post("k_hash", "/carts", "{\"items\":[{\"sku\":\"B\"}]}");
        Reply second = post("k_hash", "/carts", "{\"items\":[{\"sku\":\"B\"}]}");

        assertEquals(first.body().get("fingerprint"), second.body().get("fingerprint"));
    }

    @Test
    void aStepRunsOnlyWhenItsConditionHolds() throws Exception {
        Reply half = post("k_when", "/carts", "{\"items\":[{\"sku\":\"B\"}],\"coupon\":\"HALF\"}");
        Reply none = post("k_when", "/carts", "{\"items\":[{\"sku\":\"B\"}]}");

        assertEquals(125, half.body().get("total").asInt());
        assertEquals(250, none.body().get("total").asInt(), "a skipped step keeps the earlier value of its name");
    }

    @Test
    void aFailingElementStopsTheOperationAndNothingIsStored() throws Exception {
        Reply refused = post("k_refused", "/carts", "{\"items\":[{\"sku\":\"A\"},{\"sku\":\"Z\"}]}");

        assertEquals(404, refused.status());
        assertEquals("No such product: Z", refused.body().path("error").path("message").asText());
        assertEquals(0, get("k_refused", "/carts").body().get("data").size());
    }

    @Test
    void aCalledOperationWritesInTheSameTransaction() throws Exception {
        String cart = post("k_call", "/carts", "{\"items\":[{\"sku\":\"A\"}]}").body().get("id").asText();

        Reply paid = post("k_call", "/carts/" + cart + "/pay", "{\"card\":\"ok_card\"}");

        assertEquals(200, paid.status(), paid.body().toString());
        assertEquals("paid", paid.body().get("status").asText());
        JsonNode charges = get("k_call", "/charges").body().get("data");
        assertEquals(1, charges.size(), charges.toString());
        assertEquals(100, charges.get(0).get("amount").asInt());
    }

    @Test
    void aFailThatCommitsAnswersItsErrorAndKeepsWhatWasWritten() throws Exception {
        String cart = post("k_fail", "/carts", "{\"items\":[{\"sku\":\"A\"}]}").body().get("id").asText();

        Reply declined = post("k_fail", "/carts/" + cart + "/pay", "{\"card\":\"bad_card\"}");

        assertEquals(402, declined.status());
        JsonNode error = declined.body().get("error");
        assertEquals("card_error", error.get("type").asText());
        assertEquals("card_declined", error.get("code").asText());
        assertEquals("Your card was declined.", error.get("message").asText());
        assertEquals("generic_decline", error.get("decline_code").asText());
        assertEquals(cart, error.get("cart").get("id").asText(), "the cart as its table shows it");
        assertEquals("Your card was declined.", get("k_fail", "/carts/" + cart).body().get("last_error").asText());
        assertFalse(get("k_fail", "/charges").body().get("data").get(0).get("ok").asBoolean(), "the failed charge is kept");
    }

    @Test
    void aValidationThatFailsKeepsNothing() throws Exception {
        String cart = post("k_twice", "/carts", "{\"items\":[{\"sku\":\"A\"}]}").body().get("id").asText();
        post("k_twice", "/carts/" + cart + "/pay", "{\"card\":\"ok_card\"}");

        Reply again = post("k_twice", "/carts/" + cart + "/pay", "{\"card\":\"ok_card\"}");

        assertEquals(400, again.status());
        assertEquals("cart_unexpected_state", again.body().get("error").get("code").asText());
        assertEquals("Cart is paid", again.body().get("error").get("message").asText());
        assertEquals(1, get("k_twice", "/charges").body().get("data").size());
    }

    @Test
    void mergeAddsKeysAndAnEmptyStringUnsetsOne() throws Exception {
        String cart = post("k_merge", "/carts", "{\"items\":[{\"sku\":\"A\"}],\"metadata\":{\"a\":\"1\"}}")
                .body().get("id").asText();

        post("k_merge", "/carts/" + cart + "/note", "{\"metadata\":{\"b\":\"2\"}}");
        Reply after = post("k_merge", "/carts/" + cart + "/note", "{\"metadata\":{\"a\":\"\"}}");

        assertEquals("{\"b\":\"2\"}", after.body().get("metadata").toString());
        assertTrue(get("k_merge", "/carts/" + cart).body().get("metadata").has("b"));
    }
}
