package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAPI API = Specs.parse("""
            openapi: 3.0.3
            info: {title: customers, version: '1'}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
                key: {type: apiKey, in: header, name: X-Api-Key}
              parameters:
                Limit: {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
              schemas:
                Address:
                  type: object
                  properties:
                    city: {type: string, maxLength: 5}
                    zip: {type: string, pattern: '^[0-9]{5}$'}
                NewCustomer:
                  type: object
                  required: [email, id]
                  additionalProperties: false
                  properties:
                    email: {type: string, format: email}
                    id: {type: string, readOnly: true}
                    nickname: {type: string, nullable: true}
                    status: {type: string, enum: [active, inactive]}
                    address: {$ref: '#/components/schemas/Address'}
                    metadata: {type: object, additionalProperties: {type: integer}}
                    items:
                      type: array
                      items:
                        type: object
                        required: [price]
                        properties:
                          price: {type: string}
                          quantity: {type: integer}
              requestBodies:
                Customer:
                  required: true
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/NewCustomer'}}
                    application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/NewCustomer'}}
            paths:
              /customers:
                parameters:
                  - {name: X-Request-Id, in: header, schema: {type: string, format: uuid}}
                get:
                  security: []
                  parameters:
                    - $ref: '#/components/parameters/Limit'
                    - {name: email, in: query, required: true, schema: {type: string}}
                    - {name: status, in: query, schema: {type: string, enum: [active, inactive]}}
                    - {name: code, in: query, schema: {type: string, pattern: '^[A-Z]{3}$'}}
                    - {name: tags, in: query, schema: {type: array, items: {type: string}}}
                    - {name: ids, in: query, style: form, explode: false, schema: {type: array, items: {type: integer}}}
                    - {name: 'filter[state]', in: query, schema: {type: string, enum: [open, closed]}}
                    - name: created
                      in: query
                      style: deepObject
                      explode: true
                      schema: {type: object, properties: {gte: {type: integer}, lte: {type: integer}}}
                  responses: {'200': {description: ok}}
                post:
                  security: [{bearer: []}, {key: []}]
                  requestBody: {$ref: '#/components/requestBodies/Customer'}
                  responses: {'200': {description: ok}}
              /customers/{id}:
                get:
                  security: [{bearer: []}]
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                  responses: {'200': {description: ok}}
            """);

    private static final OperationValidator LIST = Specs.validator(API, "/customers", "GET");
    private static final OperationValidator CREATE = Specs.validator(API, "/customers", "POST");
    private static final OperationValidator RETRIEVE = Specs.validator(API, "/customers/{id}", "GET");

    private static ValidationResult list(String query) {
        return LIST.validate(TestRequests.request("GET", "/customers?" + query).build(), Map.of());
    }

    private static ValidationResult create(TestRequests request) {
        return CREATE.validate(request.bearer("sk_test_1").build(), Map.of());
    }

    private static TestRequests post() {
        return TestRequests.request("POST", "/customers");
    }

    // ---- query parameters

    @Test
    void givenAValidQuery_whenValidated_thenThereIsNoViolation() {
        ValidationResult result = list("email=a@b.co&limit=10&status=active&code=ABC&tags=x&tags=y&ids=1,2"
                + "&created[gte]=5");

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    @Test
    void givenARequiredQueryParamIsMissing_whenValidated_thenTheViolationNamesIt() {
        ValidationResult result = list("limit=10");

        assertEquals(List.of(new Violation("email", "query", "Missing required param: email.")),
                result.violations());
        assertFalse(result.unauthorized());
    }

    @Test
    void givenAQueryParamOfTheWrongType_whenValidated_thenItIsNamedWithTheValue() {
        ValidationResult result = list("email=a@b.co&limit=abc");

        assertEquals(List.of(new Violation("limit", "query", "Invalid integer: abc")), result.violations());
    }

    @Test
    void givenAQueryParamBelowItsMinimum_whenValidated_thenTheBoundIsGiven() {
        ValidationResult result = list("email=a@b.co&limit=0");

        assertEquals("limit", result.first().param());
        assertEquals("Invalid limit: must be greater than or equal to 1.", result.first().reason());
    }

    @Test
    void givenAValueOutsideTheEnum_whenValidated_thenTheAllowedValuesAreListed() {
        ValidationResult result = list("email=a@b.co&status=gone");

        assertEquals(List.of(new Violation("status", "query", "Invalid status: must be one of [active, inactive].")),
                result.violations());
    }

    @Test
    void givenAValueNotMatchingThePattern_whenValidated_thenThePatternIsNamed() {
        ValidationResult result = list("email=a@b.co&code=ab");

        assertEquals("code", result.first().param());
        assertEquals("Invalid code: must match the pattern ^[A-Z]{3}$.", result.first().reason());
    }

    @Test
    void givenADeepObjectQueryParam_whenANestedValueIsWrong_thenTheBracketedNameIsReported() {
        ValidationResult result = list("email=a@b.co&created[gte]=soon");

        assertEquals(List.of(new Violation("created[gte]", "query", "Invalid integer: soon")), result.violations());
    }

    @Test
    void givenArrayQueryParams_whenDecoded_thenRepeatedAndCommaSeparatedValuesBecomeTypedArrays() throws Exception {
        DecodedRequest decoded = LIST.decode(TestRequests.request("GET",
                "/customers?email=a@b.co&tags=x&tags=y&ids=1,2,3&created[gte]=5&created[lte]=9").build(), Map.of());

        assertEquals(JSON.readTree("[\"x\",\"y\"]"), decoded.queryParams().get("tags"));
        assertEquals(JSON.readTree("[1,2,3]"), decoded.queryParams().get("ids"));
        assertEquals(JSON.readTree("{\"gte\":5,\"lte\":9}"), decoded.queryParams().get("created"));
        assertEquals(JSON.readTree("\"a@b.co\""), decoded.queryParams().get("email"));
    }

    @Test
    void givenAParamWhoseDeclaredNameHasBrackets_whenSent_thenItIsMatchedByItsLiteralName() throws Exception {
        DecodedRequest decoded = LIST.decode(
                TestRequests.request("GET", "/customers?email=a@b.co&filter[state]=open").build(), Map.of());
        ValidationResult bad = list("email=a@b.co&filter[state]=gone");

        assertEquals(JSON.readTree("\"open\""), decoded.queryParams().get("filter[state]"));
        assertEquals(List.of(new Violation("filter[state]", "query",
                "Invalid filter[state]: must be one of [open, closed].")), bad.violations());
    }

    // ---- path and header parameters

    @Test
    void givenAPathParamOfTheWrongType_whenValidated_thenItIsReportedInThePath() {
        ValidationResult result = RETRIEVE.validate(
                TestRequests.request("GET", "/customers/abc").bearer("t").build(), Map.of("id", "abc"));

        assertEquals(List.of(new Violation("id", "path", "Invalid integer: abc")), result.violations());
    }

    @Test
    void givenAnIntegerPathParam_whenDecoded_thenItIsANumber() {
        DecodedRequest decoded = RETRIEVE.decode(
                TestRequests.request("GET", "/customers/42").bearer("t").build(), Map.of("id", "42"));

        assertTrue(decoded.pathParams().get("id").isIntegralNumber());
        assertEquals(42, decoded.pathParams().get("id").intValue());
    }

    @Test
    void givenAPathLevelHeaderParamWithABadFormat_whenValidated_thenTheHeaderIsNamedAsDeclared() {
        ValidationResult result = LIST.validate(TestRequests.request("GET", "/customers?email=a@b.co")
                .header("X-Request-Id", "not-a-uuid").build(), Map.of());

        assertEquals(1, result.violations().size());
        assertEquals("X-Request-Id", result.first().param());
        assertEquals("header", result.first().location());
    }

    // ---- JSON bodies

    @Test
    void givenAValidJsonBody_whenValidated_thenItPassesAndTheDecodedBodyIsAnObject() {
        TestRequests request = post().json("{\"email\":\"a@b.co\",\"nickname\":null,\"address\":{\"city\":\"Paris\"}}");
        DecodedRequest decoded = CREATE.decode(request.bearer("t").build(), Map.of());

        ValidationResult result = CREATE.validate(decoded);

        assertTrue(result.isValid(), () -> result.violations().toString());
        assertEquals(BodyFormat.JSON, decoded.bodyFormat());
        assertEquals("a@b.co", decoded.bodyObject().get("email").asText());
    }

    @Test
    void givenAJsonBodyWithoutARequiredField_whenValidated_thenTheFieldIsNamedAndReadOnlyOnesAreNotRequired() {
        ValidationResult result = create(post().json("{\"nickname\":\"jo\"}"));

        assertEquals(List.of(new Violation("body.email", "body", "Missing required param: body.email.")),
                result.violations());
    }

    @Test
    void givenANestedJsonFieldTooLong_whenValidated_thenItsDottedPathIsNamed() {
        ValidationResult result = create(post().json("{\"email\":\"a@b.co\",\"address\":{\"city\":\"Amsterdam\"}}"));

        assertEquals(List.of(new Violation("body.address.city", "body",
                "Invalid body.address.city: must be at most 5 characters.")), result.violations());
    }

    @Test
    void givenSeveralProblems_whenValidated_thenAllAreReported() {
        ValidationResult result = create(post().json(
                "{\"email\":\"nope\",\"status\":\"x\",\"items\":[{\"quantity\":\"2\"}],\"foo\":1}"));

        List<String> params = result.violations().stream().map(Violation::param).toList();
        assertTrue(params.containsAll(List.of("body.email", "body.status", "body.items[0].price",
                "body.items[0].quantity", "body.foo")), params::toString);
    }

    @Test
    void givenMalformedJson_whenValidated_thenTheBodyIsNamedWithTheErrorLocation() {
        ValidationResult result = create(post().json("{\"email\": \"a@b.co\",\n \"x\": }"));

        assertEquals(1, result.violations().size());
        assertEquals("body", result.first().param());
        assertEquals("body", result.first().location());
        assertTrue(result.first().reason().startsWith("Invalid JSON body at line 2, column"), result.first().reason());
    }

    @Test
    void givenARequiredBodyIsMissing_whenValidated_thenTheBodyIsReportedMissing() {
        ValidationResult result = create(post());

        assertEquals(List.of(new Violation("body", "body", "Missing required request body.")), result.violations());
    }

    @Test
    void givenAnUndeclaredContentType_whenValidated_thenTheContentTypeIsReported() {
        ValidationResult result = create(post().body("text/plain", "email=a@b.co"));

        assertEquals("Content-Type", result.first().param());
        assertEquals("header", result.first().location());
    }

    @Test
    void givenAnOperationWithoutABody_whenAMalformedJsonBodyIsSent_thenItIsIgnoredNotRejected() {
        ValidationResult result = RETRIEVE.validate(TestRequests.request("GET", "/customers/1").json("{oops")
                .bearer("t").build(), Map.of("id", "1"));

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    // ---- form bodies

    @Test
    void givenAFormBodyWithoutARequiredField_whenValidated_thenTheFieldIsNamedAsSent() {
        ValidationResult result = create(post().form("nickname=jo"));

        assertEquals(List.of(new Violation("email", "body", "Missing required param: email.")), result.violations());
    }

    @Test
    void givenANestedFormValueOfTheWrongType_whenValidated_thenItsBracketedNameIsReported() {
        ValidationResult result = create(post().form("email=a@b.co&metadata[order]=abc"));

        assertEquals(List.of(new Violation("metadata[order]", "body", "Invalid integer: abc")), result.violations());
    }

    @Test
    void givenIndexedFormItems_whenOneIsIncomplete_thenTheItemFieldIsNamedWithItsIndex() {
        ValidationResult result = create(post().form("email=a@b.co&items[0][price]=p1&items[1][quantity]=2"));

        assertEquals(List.of(new Violation("items[1][price]", "body", "Missing required param: items[1][price].")),
                result.violations());
    }

    @Test
    void givenAnUnknownFormField_whenTheSchemaForbidsExtraFields_thenItIsReportedAsUnknown() {
        ValidationResult result = create(post().form("email=a@b.co&foo=bar"));

        assertEquals(List.of(new Violation("foo", "body", "Received unknown parameter: foo")), result.violations());
    }

    @Test
    void givenAValidFormBody_whenDecoded_thenTablesGetATypedObject() throws Exception {
        DecodedRequest decoded = CREATE.decode(post().form("email=a@b.co&metadata[order]=42&items[0][quantity]=2"
                + "&items[0][price]=p").bearer("t").build(), Map.of());

        assertTrue(CREATE.validate(decoded).isValid());
        assertEquals(JSON.readTree("{\"email\":\"a@b.co\",\"metadata\":{\"order\":42},"
                + "\"items\":[{\"quantity\":2,\"price\":\"p\"}]}"), decoded.bodyObject());
    }

    // ---- security

    @Test
    void givenASecuredOperation_whenNoCredentialIsSent_thenTheResultIsUnauthorized() {
        ValidationResult result = CREATE.validate(post().form("email=a@b.co").build(), Map.of());

        assertTrue(result.unauthorized());
        assertEquals(1, result.violations().size());
        assertEquals("Authorization", result.first().param());
    }

    @Test
    void givenASecuredOperation_whenAnyAcceptedCredentialIsPresent_thenItIsAuthorized() {
        ValidationResult withKey = CREATE.validate(post().form("email=a@b.co").header("X-Api-Key", "k").build(),
                Map.of());
        ValidationResult withBearer = CREATE.validate(post().form("email=a@b.co").bearer("t").build(), Map.of());

        assertTrue(withKey.isValid(), () -> withKey.violations().toString());
        assertTrue(withBearer.isValid(), () -> withBearer.violations().toString());
    }

    @Test
    void givenAnOperationWithEmptySecurity_whenNoCredentialIsSent_thenItIsNotUnauthorized() {
        ValidationResult result = list("email=a@b.co");

        assertFalse(result.unauthorized());
        assertTrue(result.isValid());
    }

    @Test
    void givenMissingCredentialsAndBadParams_whenValidated_thenOnlyUnauthorizedIsReported() {
        ValidationResult result = RETRIEVE.validate(TestRequests.request("GET", "/customers/x").build(),
                Map.of("id", "x"));

        assertTrue(result.unauthorized());
        assertEquals(1, result.violations().size());
    }
}
