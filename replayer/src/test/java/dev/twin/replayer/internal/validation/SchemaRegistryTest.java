package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAPI API = Specs.parse("""
            openapi: 3.0.3
            info: {title: shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Customer:
                  type: object
                  description: documentation only
                  example: {id: cus_1}
                  x-internal: true
                  required: [id, name]
                  properties:
                    id: {type: string, readOnly: true}
                    name: {type: string, nullable: true}
                    age: {type: integer, minimum: 0, exclusiveMinimum: true}
                    status: {type: string, enum: [a, b], nullable: true}
                    address: {$ref: '#/components/schemas/Address'}
                    code: {type: string, pattern: '[unclosed'}
                Address:
                  nullable: true
                  allOf:
                    - {$ref: '#/components/schemas/Place'}
                Place:
                  type: object
                  properties:
                    parent: {$ref: '#/components/schemas/Place'}
                Unused: {type: string}
            """);

    private static JsonNode bundle(String component) {
        SchemaRegistry registry = SchemaRegistry.of(API.getComponents());
        Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + component);
        return registry.bundle(reference);
    }

    @Test
    void givenAReference_whenBundled_thenItAndEverySchemaItReachesAreInDefinitions() {
        JsonNode bundle = bundle("Customer");

        assertEquals("#/definitions/Customer", bundle.at("/allOf/0/$ref").asText());
        assertTrue(bundle.at("/definitions/Customer").isObject());
        assertTrue(bundle.at("/definitions/Address").isObject());
        assertTrue(bundle.at("/definitions/Place").isObject());
        assertEquals("#/definitions/Place", bundle.at("/definitions/Place/properties/parent/$ref").asText());
        assertFalse(bundle.at("/definitions").has("Unused"));
    }

    @Test
    void givenNullableSchemas_whenConverted_thenNullIsAnAllowedTypeOrEnumValueOrAlternative() throws Exception {
        JsonNode customer = bundle("Customer").at("/definitions/Customer");

        assertEquals(JSON.readTree("[\"string\",\"null\"]"), customer.at("/properties/name/type"));
        assertEquals(JSON.readTree("[\"a\",\"b\",null]"), customer.at("/properties/status/enum"));
        assertEquals("null", bundle("Address").at("/definitions/Address/anyOf/1/type").asText());
    }

    @Test
    void givenOpenApi30BooleanExclusiveBounds_whenConverted_thenTheyBecomeNumeric() {
        JsonNode age = bundle("Customer").at("/definitions/Customer/properties/age");

        assertEquals(0, age.get("exclusiveMinimum").intValue());
        assertFalse(age.has("minimum"));
    }

    @Test
    void givenDocumentationKeywordsAndExtensions_whenConverted_thenTheyAreDropped() {
        JsonNode customer = bundle("Customer").at("/definitions/Customer");

        assertFalse(customer.has("description"));
        assertFalse(customer.has("example"));
        assertFalse(customer.has("x-internal"));
        assertFalse(customer.at("/properties/name").has("nullable"));
    }

    @Test
    void givenARequiredReadOnlyProperty_whenConvertedForARequest_thenItIsNoLongerRequired() throws Exception {
        assertEquals(JSON.readTree("[\"name\"]"), bundle("Customer").at("/definitions/Customer/required"));
    }

    @Test
    void givenAPatternJavaCannotCompile_whenConverted_thenThePatternIsDroppedRatherThanFailingTheSchema() {
        assertFalse(bundle("Customer").at("/definitions/Customer/properties/code").has("pattern"));
    }
}
