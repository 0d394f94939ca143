package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bindings and conventions on a small JSON API (accounts and transfers) written for the test: full replace,
 * soft delete, rename/hide, ISO-8601 timestamps, page-style lists, expand[], and custom operations that fail
 * part-way (nothing they wrote stays).
 */
class MiniLedgerTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: ledger, version: '1'}
            servers: [{url: 'https://ledger.example/v1'}]
            paths:
              /accounts:
                get: {operationId: listAccounts, responses: {'200': {description: ok}}}
                post:
                  operationId: createAccount
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [owner]
                          properties:
                            owner: {type: string}
                            balance: {type: integer}
                            frozen: {type: boolean}
                            secret: {type: string}
                  responses: {'201': {description: created}}
              /accounts/{account}:
                parameters: [{name: account, in: path, required: true, schema: {type: string}}]
                get: {operationId: getAccount, responses: {'200': {description: ok}}}
                put:
                  operationId: replaceAccount
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'200': {description: ok}}
                delete: {operationId: deleteAccount, responses: {'204': {description: gone}}}
              /accounts/{account}/close:
                parameters: [{name: account, in: path, required: true, schema: {type: string}}]
                post: {operationId: closeAccount, responses: {'200': {description: ok}}}
              /transfers:
                get: {operationId: listTransfers, responses: {'200': {description: ok}}}
                post:
                  operationId: createTransfer
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            from: {type: string}
                            to: {type: string}
                            amount: {type: integer}
                  responses: {'200': {description: ok}}
              /notes:
                post:
                  operationId: createNote
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
              /transfers/{transfer}:
                parameters: [{name: transfer, in: path, required: true, schema: {type: string}}]
                get: {operationId: getTransfer, responses: {'200': {description: ok}}}
            """;

    private static final String TWIN = """
            version: 1
            imports:
              - {path: ledger.yaml, as: ledger}
            server: {validate: "off"}      # the bindings' own required-field check answers
            conventions:
              timestamps: {format: iso8601, fields: {createdAt: created_at, updatedAt: updated_at}}
              errors: {wrap: error}
            tables:
              - name: accounts
                idField: id
                idStrategy: prefix
                idPrefix: acct_
                idLength: 8
                response:
                  fields:
                    inject: {object: account}
                    rename: {owner: holder}
                    hide: [secret]
                  delete: {preserve: true}
              - name: notes
                idField: id
                idStrategy: uuid
                maxRows: 2
              - name: transfers
                idField: id
                idStrategy: sequence
                references: {from: accounts, to: accounts}
                response:
                  list: {style: page, dataField: transfers, defaultLimit: 2}
            extend:
              - {mock: ledger.listAccounts, table: accounts, action: list}
              - {mock: ledger.createAccount, table: accounts, action: create}
              - {mock: ledger.getAccount, table: accounts, action: get}
              - {mock: ledger.replaceAccount, table: accounts, action: update}
              - {mock: ledger.deleteAccount, table: accounts, action: delete}
              - {mock: ledger.listTransfers, table: transfers, action: list}
              - {mock: ledger.getTransfer, table: transfers, action: get}
              - {mock: ledger.createTransfer, table: transfers, action: custom, operation: Transfer}
              - {mock: ledger.createNote, table: notes, action: create}
              - {mock: ledger.closeAccount, table: accounts, action: custom, operation: Close}
            customOperations:
              - name: Transfer
                steps:
                  - {type: read, table: accounts, id: input.from, as: src}
                  - {type: read, table: accounts, id: input.to, as: dst}
                  - type: validate
                    check: "src.balance >= input.amount"
                    error: {kind: VALIDATION_ERROR, code: insufficient_funds, status: 402, param: amount,
                            message: "'Insufficient funds in ' + src.id"}
                  - {type: update, table: accounts, id: src.id, set: {balance: "src.balance - input.amount"}}
                  - type: create
                    table: transfers
                    as: transfer
                    set: {from: src.id, to: dst.id, amount: input.amount, note: "'moved'"}
                  - type: validate
                    check: "dst.frozen != true"
                    error: {kind: CONFLICT, code: account_frozen, message: "'Account ' + dst.id + ' is frozen'"}
                  - {type: update, table: accounts, id: dst.id, set: {balance: "dst.balance + input.amount"}}
                response: transfer
              - name: Close
                steps:
                  - {type: read, table: accounts, id: input.account, as: account}
                  - {type: list, table: transfers, where: {from: account.id}, as: outgoing}
                  - {type: set, as: count, value: "size(outgoing)"}
                  - type: validate
                    check: "account.balance == 0"
                    error: {kind: CONFLICT, message: "'Account still holds ' + account.balance"}
                  - {type: delete, table: accounts, id: account.id}
                response: {id: account.id, closed: true, transfers_sent: count, last: "outgoing[0].amount"}
            """;

    private static RunningTwin twin;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger KEYS = new AtomicInteger();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ledger.yaml"), SPEC);
        Files.writeString(dir.resolve("twin.yaml"), TWIN);
        twin = RunningTwin.of(dir.resolve("twin.yaml"));
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void createdRowIsShapedByTheTableConventions() throws Exception {
        String key = newKey();
        Reply created = send("POST", "/v1/accounts", key, "{\"owner\":\"Ada\",\"balance\":5,\"secret\":\"s\"}");

        assertEquals(201, created.status());
        assertTrue(created.body().get("id").asText().matches("acct_[0-9A-Za-z]{8}"));
        assertEquals("account", created.body().get("object").asText());
        assertEquals("Ada", created.body().get("holder").asText());
        assertFalse(created.body().has("owner"));
        assertFalse(created.body().has("secret"));
        assertTrue(created.body().get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void updateReplacesTheWholeRow() throws Exception {
        String key = newKey();
        String id = account(key, "Ada", 5, false);

        Reply replaced = send("PUT", "/v1/accounts/" + id, key, "{\"owner\":\"Grace\"}");

        assertEquals(200, replaced.status());
        assertEquals("Grace", replaced.body().get("holder").asText());
        assertFalse(replaced.body().has("balance"), replaced.body().toString());
        assertEquals(id, replaced.body().get("id").asText());
    }

    @Test
    void softDeletedRowIsGoneFromGetAndList() throws Exception {
        String key = newKey();
        String id = account(key, "Ada", 5, false);

        Reply deleted = send("DELETE", "/v1/accounts/" + id, key, null);
        Reply fetched = send("GET", "/v1/accounts/" + id, key, null);
        Reply listed = send("GET", "/v1/accounts", key, null);

        assertEquals(204, deleted.status());
        assertNull(deleted.body());
        assertEquals(404, fetched.status());
        assertEquals("No such account: '" + id + "'", fetched.body().get("error").get("message").asText());
        assertEquals("id", fetched.body().get("error").get("param").asText());
        assertEquals(0, listed.body().get("data").size());
    }

    @Test
    void failedValidationAnswersTheConfiguredError() throws Exception {
        String key = newKey();
        String from = account(key, "A", 10, false);
        String to = account(key, "B", 0, false);

        Reply refused = send("POST", "/v1/transfers", key, transfer(from, to, 50));

        assertEquals(402, refused.status());
        assertEquals(RunningTwin.JSON.readTree("{\"error\":{\"message\":\"Insufficient funds in " + from + "\","
                + "\"type\":\"validation_error\",\"code\":\"insufficient_funds\",\"param\":\"amount\"}}"), refused.body());
    }

    @Test
    void operationFailingAfterItsFirstWritesLeavesNoTrace() throws Exception {
        String key = newKey();
        String from = account(key, "A", 100, false);
        String to = account(key, "B", 0, true);

        Reply refused = send("POST", "/v1/transfers", key, transfer(from, to, 10));

        assertEquals(409, refused.status());
        assertEquals("account_frozen", refused.body().get("error").get("code").asText());
        assertEquals(100, send("GET", "/v1/accounts/" + from, key, null).body().get("balance").asInt());
        assertEquals(0, send("GET", "/v1/transfers", key, null).body().get("transfers").size());
    }

    @Test
    void successfulOperationAppliesEveryStep() throws Exception {
        String key = newKey();
        String from = account(key, "A", 100, false);
        String to = account(key, "B", 0, false);

        Reply done = send("POST", "/v1/transfers", key, transfer(from, to, 30));

        assertEquals(200, done.status(), String.valueOf(done.body()));
        assertEquals("1", done.body().get("id").asText());
        assertEquals("moved", done.body().get("note").asText());
        assertEquals(70, send("GET", "/v1/accounts/" + from, key, null).body().get("balance").asInt());
        assertEquals(30, send("GET", "/v1/accounts/" + to, key, null).body().get("balance").asInt());
    }

    @Test
    void expandReplacesReferencedIdsInGetAndList() throws Exception {
        String key = newKey();
        String from = account(key, "A", 100, false);
        String to = account(key, "B", 0, false);
        String id = send("POST", "/v1/transfers", key, transfer(from, to, 1)).body().get("id").asText();

        JsonNode one = send("GET", "/v1/transfers/" + id + "?expand[]=from", key, null).body();
        JsonNode list = send("GET", "/v1/transfers?expand[]=transfers.to", key, null).body();

        assertEquals("A", one.get("from").get("holder").asText());
        assertEquals(to, one.get("to").asText());
        assertEquals("B", list.get("transfers").get(0).get("to").get("holder").asText());
    }

    @Test
    void pageStyleListLinksToTheNextPage() throws Exception {
        String key = newKey();
        String from = account(key, "A", 100, false);
        String to = account(key, "B", 0, false);
        for (int i = 0; i < 3; i++) {
            send("POST", "/v1/transfers", key, transfer(from, to, 1));
        }

        JsonNode first = send("GET", "/v1/transfers", key, null).body();
        JsonNode second = send("GET", first.get("next_page_uri").asText(), key, null).body();

        assertEquals(2, first.get("transfers").size());
        assertEquals("3", first.get("transfers").get(0).get("id").asText());
        assertEquals(0, first.get("page").asInt());
        assertEquals(2, first.get("page_size").asInt());
        assertEquals("/v1/transfers?PageSize=2&Page=0", first.get("uri").asText());
        assertEquals(1, second.get("transfers").size());
        assertEquals("1", second.get("transfers").get(0).get("id").asText());
        assertTrue(second.get("next_page_uri").isNull());
        assertEquals("/v1/transfers?PageSize=2&Page=0", second.get("previous_page_uri").asText());
    }

    @Test
    void customOperationListsSetsAndDeletes() throws Exception {
        String key = newKey();
        String from = account(key, "A", 5, false);
        String to = account(key, "B", 0, false);
        send("POST", "/v1/transfers", key, transfer(from, to, 5));

        Reply refused = send("POST", "/v1/accounts/" + to + "/close", key, null);
        Reply closed = send("POST", "/v1/accounts/" + from + "/close", key, null);

        assertEquals(409, refused.status());
        assertEquals("Account still holds 5", refused.body().get("error").get("message").asText());
        assertEquals(200, closed.status(), String.valueOf(closed.body()));
        assertEquals(RunningTwin.JSON.readTree("{\"id\":\"" + from + "\",\"closed\":true,\"transfers_sent\":1,"
                + "\"last\":5}"), closed.body());
        assertEquals(404, send("GET", "/v1/accounts/" + from, key, null).status());
    }

    @Test
    void randomInterleavingsOfTwoTenantsNeverLeak() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            java.util.Random random = new java.util.Random(seed);
            String[] keys = {newKey(), newKey()};
            java.util.List<java.util.Map<String, String>> model = java.util.List.of(
                    new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
            for (int step = 0; step < 60; step++) {
                int tenant = random.nextInt(2);
                java.util.Map<String, String> mine = model.get(tenant);
                java.util.Map<String, String> theirs = model.get(1 - tenant);
                int action = mine.isEmpty() ? 0 : random.nextInt(4);
                if (action <= 1) {
                    String owner = "o" + seed + "_" + step;
                    mine.put(account(keys[tenant], owner, 0, false), owner);
                } else if (action == 2) {
                    String id = pick(mine, random);
                    String owner = "p" + seed + "_" + step;
                    assertEquals(200, send("PUT", "/v1/accounts/" + id, keys[tenant],
                            "{\"owner\":\"" + owner + "\"}").status());
                    mine.put(id, owner);
                } else {
                    String id = pick(mine, random);
                    assertEquals(204, send("DELETE", "/v1/accounts/" + id, keys[tenant], null).status());
                    mine.remove(id);
                }
                if (!theirs.isEmpty()) {
                    String foreign = pick(theirs, random);
                    assertEquals(404, send("GET", "/v1/accounts/" + foreign, keys[tenant], null).status());
                    assertEquals(404, send("DELETE", "/v1/accounts/" + foreign, keys[tenant], null).status());
                }
            }
            for (int tenant = 0; tenant < 2; tenant++) {
                java.util.Map<String, String> seen = new java.util.HashMap<>();
                send("GET", "/v1/accounts?limit=100", keys[tenant], null).body().get("data")
                        .forEach(row -> seen.put(row.get("id").asText(), row.get("holder").asText()));
                assertEquals(model.get(tenant), seen, "seed " + seed + ", tenant " + tenant);
            }
        }
    }

    private static String pick(java.util.Map<String, String> rows, java.util.Random random) {
        return new java.util.ArrayList<>(rows.keySet()).get(random.nextInt(rows.size()));
    }

    @Test
    void aFullTableAnswersAClearErrorAndKeepsItsRows() throws Exception {
        String key = newKey();
        assertEquals(201, send("POST", "/v1/notes", key, "{\"text\":\"1\"}").status());
        assertEquals(201, send("POST", "/v1/notes", key, "{\"text\":\"2\"}").status());

        Reply full = send("POST", "/v1/notes", key, "{\"text\":\"3\"}");

        assertEquals(400, full.status());
        assertEquals("quota_exceeded", full.body().get("error").get("code").asText());
        assertTrue(full.body().get("error").get("message").asText().contains("at most 2"), full.body().toString());
        assertEquals(201, send("POST", "/v1/notes", newKey(), "{\"text\":\"other tenant\"}").status());
    }

    @Test
    void missingRequiredFieldIsA400NamingIt() throws Exception {
        Reply refused = send("POST", "/v1/accounts", newKey(), "{\"balance\":1}");

        assertEquals(400, refused.status());
        assertEquals(RunningTwin.JSON.readTree("{\"error\":{\"message\":\"Missing required param: owner.\","
                + "\"type\":\"validation_error\",\"code\":\"validation_error\",\"param\":\"owner\"}}"),
                refused.body());
    }

    private static String newKey() {
        return "key_" + KEYS.incrementAndGet();
    }

    private static String account(String key, String owner, int balance, boolean frozen) throws Exception {
        Reply created = send("POST", "/v1/accounts", key, "{\"owner\":\"" + owner + "\",\"balance\":" + balance
                + ",\"frozen\":" + frozen + "}");
        assertEquals(201, created.status(), String.valueOf(created.body()));
        return created.body().get("id").asText();
    }

    private static String transfer(String from, String to, int amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":" + amount + "}";
    }

    record Reply(int status, JsonNode body) {
    }

    private static Reply send(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .header("Authorization", "Bearer " + key);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isEmpty() ? null
                : RunningTwin.JSON.readTree(response.body()));
    }
}
