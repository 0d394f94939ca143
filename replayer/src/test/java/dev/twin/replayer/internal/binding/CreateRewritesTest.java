package dev.twin.replayer.internal.binding;

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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code create.lookup}, {@code create.replace} and {@code create.limits} over a real socket: a withdrawal copies
 * its account's currency, has its stand-in reference replaced by a minted one (a reference of the minted shape, or an
 * account's id, is kept), and is refused above the account's balance less the earlier withdrawals from it.
 */
class CreateRewritesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: bank, version: '1'}
            paths:
              /accounts:
                post:
                  operationId: createAccount
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
              /withdrawals:
                post:
                  operationId: createWithdrawal
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}, '400': {description: refused}}
              /withdrawals/{id}:
                get:
                  operationId: getWithdrawal
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: ok}}
            """;

    @TempDir
    static Path dir;
    private static Twin server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Files.writeString(dir.resolve("twin.yaml"), """
                imports:
                  - {path: spec.yaml, as: bank}
                conventions:
                  errors: {wrap: error}
                tables:
                  - {name: accounts, idStrategy: prefix, idPrefix: acct_}
                  - name: withdrawals
                    idStrategy: prefix
                    idPrefix: wd_
                    response:
                      create:
                        status: 201
                        lookup:
                          currency: {table: accounts, by: account, field: currency}
                        replace:
                          reference: {with: "ref_{{random 12}}", keep: "ref_[0-9A-Za-z]{12}", table: accounts}
                        limits:
                          amount:
                            table: accounts
                            by: account
                            max: balance
                            less: amount
                            error: {code: insufficient_funds, param: amount,
                                    message: "{{sent}} is more than the {{remaining}} left of {{row.id}}"}
                extend:
                  - {mock: bank.createAccount, table: accounts, action: create}
                  - {mock: bank.createWithdrawal, table: withdrawals, action: create}
                  - {mock: bank.getWithdrawal, table: withdrawals, action: get}
                """);
        server = Twin.serve(dir.resolve("twin.yaml"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String account(String currency, int balance) throws Exception {
        return JSON.readTree(post("/accounts", "{\"currency\":\"" + currency + "\",\"balance\":" + balance + "}")
                .body()).get("id").asText();
    }

    @Test
    void givenAWithdrawalNamingAnAccount_whenCreated_thenItHoldsTheAccountsCurrencyAndReadsItBack() throws Exception {
        String account = account("nok", 100);

        HttpResponse<String> created = post("/withdrawals", "{\"account\":\"" + account + "\",\"amount\":10}");

        assertEquals(201, created.statusCode(), created.body());
        JsonNode row = JSON.readTree(created.body());
        assertEquals("nok", row.path("currency").asText(), created.body());
        JsonNode read = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/withdrawals/"
                + row.get("id").asText())).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("nok", read.path("currency").asText(), read.toString());
        JsonNode sentCurrency = JSON.readTree(post("/withdrawals", "{\"account\":\"" + account
                + "\",\"amount\":1,\"currency\":\"sek\"}").body());
        assertEquals("sek", sentCurrency.path("currency").asText(), "a field the client sent is kept");
    }

    @Test
    void givenAStandInReference_whenCreated_thenAMintedOneReplacesItAndOwnValuesAreKept() throws Exception {
        String account = account("eur", 100);

        JsonNode first = JSON.readTree(post("/withdrawals", "{\"account\":\"" + account
                + "\",\"amount\":1,\"reference\":\"test\"}").body());
        JsonNode second = JSON.readTree(post("/withdrawals", "{\"account\":\"" + account
                + "\",\"amount\":1,\"reference\":\"test\"}").body());
        JsonNode own = JSON.readTree(post("/withdrawals", "{\"account\":\"" + account
                + "\",\"amount\":1,\"reference\":\"ref_AbCdEf123456\"}").body());
        JsonNode row = JSON.readTree(post("/withdrawals", "{\"account\":\"" + account
                + "\",\"amount\":1,\"reference\":\"" + account + "\"}").body());

        assertTrue(first.path("reference").asText().matches("ref_[0-9A-Za-z]{12}"), first.toString());
        assertNotEquals(first.path("reference").asText(), second.path("reference").asText());
        assertEquals("ref_AbCdEf123456", own.path("reference").asText(), own.toString());
        assertEquals(account, row.path("reference").asText(), "a live row's id is kept: " + row);
    }

    @Test
    void givenWithdrawalsAboveWhatIsLeft_whenCreated_thenTheyAreRefusedWithTheLimitsError() throws Exception {
        String account = account("usd", 50);

        HttpResponse<String> first = post("/withdrawals", "{\"account\":\"" + account + "\",\"amount\":30}");
        HttpResponse<String> above = post("/withdrawals", "{\"account\":\"" + account + "\",\"amount\":25}");
        HttpResponse<String> rest = post("/withdrawals", "{\"account\":\"" + account + "\",\"amount\":20}");
        HttpResponse<String> none = post("/withdrawals", "{\"account\":\"" + account + "\",\"amount\":1}");

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(400, above.statusCode(), above.body());
        JsonNode error = JSON.readTree(above.body()).path("error");
        assertEquals("insufficient_funds", error.path("code").asText(), above.body());
        assertEquals("amount", error.path("param").asText(), above.body());
        assertEquals("25 is more than the 20 left of " + account, error.path("message").asText(), above.body());
        assertEquals(201, rest.statusCode(), rest.body());
        assertEquals(400, none.statusCode(), none.body());
    }
}
