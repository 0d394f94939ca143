package dev.twin.replayer.validation;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
}
