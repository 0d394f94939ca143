package dev.twin.replayer.internal.validation;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OpenAPI 3.1 schemas are JSON Schema already: type lists, const, and keywords beside $ref. */
class OpenApi31ValidationTest {
    private static final OpenAPI API = Specs.parse("""
            openapi: 3.1.0
            info: {title: pets, version: '1'}
            components:
              securitySchemes:
                key: {type: apiKey, in: query, name: api_key}
              schemas:
                Pet:
                  type: object
                  required: [name, kind]
                  properties:
                    name: {type: string, minLength: 1}
                    kind: {const: pet}
                    tag: {type: [string, 'null']}
                    owner:
                      $ref: '#/components/schemas/Owner'
                      required: [email]
                Owner:
                  type: object
                  properties:
                    email: {type: string}
            security: [{key: []}]
            paths:
              /pets:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json: {schema: {$ref: '#/components/schemas/Pet'}}
                  responses: {'201': {description: created}}
            """);
    private static final OperationValidator CREATE = Specs.validator(API, "/pets", "POST");

    private static ValidationResult create(String json) {
        return CREATE.validate(TestRequests.request("POST", "/pets?api_key=k").json(json).build(), Map.of());
    }

    @Test
    void givenAValidPet_whenValidated_thenNullIsAcceptedWhereTheTypeListAllowsIt() {
        ValidationResult result = create("{\"name\":\"Rex\",\"kind\":\"pet\",\"tag\":null,\"owner\":{\"email\":\"a\"}}");

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    @Test
    void givenConstAndSiblingKeywordViolations_whenValidated_thenEachIsNamed() {
        ValidationResult result = create("{\"name\":\"Rex\",\"kind\":\"cat\",\"owner\":{}}");

        assertEquals(List.of(new Violation("body.kind", "body", "Invalid body.kind: must be pet."),
                new Violation("body.owner.email", "body", "Missing required param: body.owner.email.")),
                result.violations());
    }

    @Test
    void givenAnApiKeyInTheQuery_whenItIsMissing_thenTheRequestIsUnauthorized() {
        ValidationResult result = CREATE.validate(TestRequests.request("POST", "/pets")
                .json("{\"name\":\"Rex\",\"kind\":\"pet\"}").build(), Map.of());

        assertTrue(result.unauthorized());
        assertEquals(new Violation("api_key", "query", "Missing credentials: send the api_key query parameter."),
                result.first());
    }
}
