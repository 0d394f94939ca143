package dev.twin.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.twin.redis.ApiReplicas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The custom-operation atomicity of the replayer's {@code MiniLedgerTest} on two replicas sharing one Redis: a
 * transfer (a read of two accounts, two updates and a create across tables) that fails part-way leaves nothing on
 * any replica, and concurrent transfers sent to both replicas apply one at a time, each whole: money is neither
 * made nor lost, and sequence ids stay unique across replicas.
 */
class LedgerAcrossReplicasTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: ledger, version: '1'}
            servers: [{url: 'https://ledger.example/v1'}]
            paths:
              /accounts:
                post:
                  operationId: createAccount
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
              /accounts/{account}:
                parameters: [{name: account, in: path, required: true, schema: {type: string}}]
                get: {operationId: getAccount, responses: {'200': {description: ok}}}
              /transfers:
                get: {operationId: listTransfers, responses: {'200': {description: ok}}}
                post:
                  operationId: createTransfer
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'200': {description: ok}}
            """;

    private static final String TWIN = """
            version: 1
            imports:
              - {path: ledger.yaml, as: ledger}
            server: {validate: "off"}
            conventions:
              errors: {wrap: error}
            tables:
              - {name: accounts, idField: id, idStrategy: prefix, idPrefix: acct_, idLength: 8}
              - name: transfers
                idField: id
                idStrategy: sequence
                response:
                  list: {style: page, dataField: transfers, defaultLimit: 100}
            extend:
              - {mock: ledger.createAccount, table: accounts, action: create}
              - {mock: ledger.getAccount, table: accounts, action: get}
              - {mock: ledger.listTransfers, table: transfers, action: list}
              - {mock: ledger.createTransfer, table: transfers, action: custom, operation: Transfer}
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
                    set: {from: src.id, to: dst.id, amount: input.amount}
                  - type: validate
                    check: "dst.frozen != true"
                    error: {kind: CONFLICT, code: account_frozen, message: "'Account ' + dst.id + ' is frozen'"}
                  - {type: update, table: accounts, id: dst.id, set: {balance: "dst.balance + input.amount"}}
                response: transfer
            """;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static ApiReplicas replicas;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        replicas = ApiReplicas.start(dir, REDIS.server(), "ledger", "ledger.yaml", SPEC, TWIN, 2);
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void aTransferFailingAfterItsFirstWritesLeavesNoTraceOnAnyReplica() throws Exception {
        String key = "key_failing";
        String from = account(0, key, 100, false);
        String to = account(1, key, 0, true);

        HttpResponse<String> refused = replicas.send(1, "POST", "/v1/transfers", key, transfer(from, to, 10));

        assertEquals(409, refused.statusCode(), refused.body());
        for (int replica = 0; replica < 2; replica++) {
            assertEquals(100, json(replicas.send(replica, "GET", "/v1/accounts/" + from, key, null))
                    .get("balance").asInt());
            assertEquals(0, json(replicas.send(replica, "GET", "/v1/transfers", key, null)).get("transfers").size());
        }
    }

    @Test
    void concurrentTransfersOnBothReplicasEachApplyWhole() throws Exception {
        String key = "key_concurrent";
        String from = account(0, key, 100, false);
        String to = account(1, key, 0, false);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int replica = i % 2;
            sent.add(clients.submit(() -> replicas.send(replica, "POST", "/v1/transfers", key, transfer(from, to, 5))));
        }
        List<Integer> statuses = new ArrayList<>();
        Set<String> transferIds = new HashSet<>();
        for (Future<HttpResponse<String>> reply : sent) {
            HttpResponse<String> response = reply.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                transferIds.add(json(response).get("id").asText());
            }
        }
        clients.shutdown();

        assertEquals(20, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(4, statuses.stream().filter(status -> status == 402).count(), statuses.toString());
        assertEquals(20, transferIds.size(), "sequence ids unique across replicas");
        for (int replica = 0; replica < 2; replica++) {
            assertEquals(0, json(replicas.send(replica, "GET", "/v1/accounts/" + from, key, null))
                    .get("balance").asInt());
            assertEquals(100, json(replicas.send(replica, "GET", "/v1/accounts/" + to, key, null))
                    .get("balance").asInt());
            assertEquals(20, json(replicas.send(replica, "GET", "/v1/transfers", key, null)).get("transfers").size());
        }
    }

    private static String account(int replica, String key, int balance, boolean frozen) throws Exception {
        HttpResponse<String> created = replicas.send(replica, "POST", "/v1/accounts", key,
                "{\"owner\":\"o\",\"balance\":" + balance + ",\"frozen\":" + frozen + "}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created).get("id").asText();
    }

    private static String transfer(String from, String to, int amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":" + amount + "}";
    }
}
