package dev.twin.replayer.internal.validation;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Validation is compiled once per operation: after compiling, the swagger model is never read again. Shown by
 * emptying the model after compilation and getting the same answers (a design check, not a timing).
 */
class PrecompiledValidationTest {

    @Test
    void givenACompiledValidator_whenTheSwaggerModelIsEmptiedAfterwards_thenValidationIsUnchanged() {
        OpenAPI api = Specs.parse("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /orders:
                    post:
                      parameters:
                        - {name: dry_run, in: query, required: true, schema: {type: boolean}}
                      requestBody:
                        content:
                          application/x-www-form-urlencoded:
                            schema:
                              type: object
                              required: [amount]
                              properties:
                                amount: {type: integer}
                                metadata: {type: object, additionalProperties: {type: string}}
                      responses: {'200': {description: ok}}
                """);
        Operation operation = Specs.operation(api, "/orders", "POST");
        OperationValidator validator = OperationValidator.compile(operation, api.getComponents(), api.getSecurity());
        var bad = TestRequests.request("POST", "/orders?dry_run=maybe").form("amount=ten&metadata[k]=v").build();
        List<Violation> before = validator.validate(bad, Map.of()).violations();

        operation.setParameters(null);
        operation.getRequestBody().setContent(new Content());
        api.setComponents(null);
        List<Violation> after = validator.validate(bad, Map.of()).violations();

        assertEquals(List.of(new Violation("dry_run", "query", "Invalid boolean: maybe"),
                new Violation("amount", "body", "Invalid integer: ten")), before);
        assertEquals(before, after);
    }

    @Test
    void givenOneCompiledValidator_whenManyThreadsValidateAtOnce_thenEachGetsTheSameAnswer() throws Exception {
        OpenAPI api = Specs.parse("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /orders:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              required: [amount]
                              properties: {amount: {type: integer}, note: {type: string, maxLength: 3}}
                      responses: {'200': {description: ok}}
                """);
        OperationValidator validator = Specs.validator(api, "/orders", "POST");
        var valid = TestRequests.request("POST", "/orders").json("{\"amount\":1}").build();
        var invalid = TestRequests.request("POST", "/orders").json("{\"note\":\"long\"}").build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> validRuns = new ArrayList<>();
            List<Future<Integer>> invalidRuns = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                validRuns.add(pool.submit(() -> validator.validate(valid, Map.of()).violations().size()));
                invalidRuns.add(pool.submit(() -> validator.validate(invalid, Map.of()).violations().size()));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals(0, validRuns.get(i).get(30, TimeUnit.SECONDS));
                assertEquals(2, invalidRuns.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenAColdJvm_whenWarmUpRunsAtStartup_thenLaterCompilationsWork() {
        assertDoesNotThrow(OperationValidator::warmUp);

        OpenAPI api = Specs.parse("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /ping:
                    get:
                      parameters: [{name: n, in: query, required: true, schema: {type: integer}}]
                      responses: {'200': {description: ok}}
                """);
        assertEquals(List.of(new Violation("n", "query", "Missing required param: n.")),
                Specs.validator(api, "/ping", "GET").validate(TestRequests.request("GET", "/ping").build(), Map.of())
                        .violations());
    }
}
