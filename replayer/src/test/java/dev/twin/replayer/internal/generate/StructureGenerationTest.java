package dev.twin.replayer.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Objects, arrays and compositions: what is present, what is left out, which branch is taken. */
class StructureGenerationTest {

    @Test
    void givenRequiredAndOptionalProperties_whenGenerating_thenBothArePresentInSpecOrder() {
        InlineSpec spec = InlineSpec.openApi30("""
                Item:
                  type: object
                  required: [zeta]
                  properties:
                    zeta: {type: string}
                    alpha: {type: integer}
                    mid: {type: boolean}
                """);

        JsonNode body = spec.generate("Item");

        assertEquals(List.of("zeta", "alpha", "mid"), fieldNames(body));
    }

    @Test
    void givenReadOnlyAndWriteOnlyProperties_whenGeneratingAResponse_thenOnlyWriteOnlyIsLeftOut() {
        InlineSpec spec = InlineSpec.openApi30("""
                Account:
                  type: object
                  required: [id, password]
                  properties:
                    id: {type: string, readOnly: true}
                    password: {type: string, writeOnly: true}
                """);

        JsonNode body = spec.generate("Account");

        assertTrue(body.has("id"));
        assertFalse(body.has("password"));
        assertEquals(List.of(), spec.problems("Account", body));
    }

    @Test
    void givenArrayBounds_whenGenerating_thenItemCountsFollowThem() {
        InlineSpec spec = InlineSpec.openApi30("""
                Plain: {type: array, items: {type: string}}
                AtLeastThree: {type: array, minItems: 3, items: {type: integer}}
                Empty: {type: array, maxItems: 0, items: {type: integer}}
                Distinct: {type: array, minItems: 3, uniqueItems: true, items: {type: string, enum: [a, b, c]}}
                """);

        assertEquals(1, spec.generate("Plain").size());
        assertEquals(3, spec.generate("AtLeastThree").size());
        assertEquals(0, spec.generate("Empty").size());
        JsonNode distinct = spec.generate("Distinct");
        Set<String> values = new HashSet<>();
        distinct.forEach(value -> values.add(value.textValue()));
        assertEquals(3, values.size(), distinct.toString());
    }

    @Test
    void givenAdditionalProperties_whenGenerating_thenAMapEntryIsTypedAndFalseAddsNothing() {
        InlineSpec spec = InlineSpec.openApi30("""
                Counts: {type: object, additionalProperties: {type: integer}}
                Closed:
                  type: object
                  additionalProperties: false
                  properties:
                    only: {type: string}
                """);

        JsonNode counts = spec.generate("Counts");
        assertEquals(1, counts.size());
        assertTrue(counts.elements().next().isIntegralNumber());
        assertEquals(List.of("only"), fieldNames(spec.generate("Closed")));
    }

    @Test
    void givenAllOf_whenGenerating_thenPropertiesOfEveryMemberArePresent() {
        InlineSpec spec = InlineSpec.openApi30("""
                Named:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Named'
                    - type: object
                      required: [bark]
                      properties:
                        bark: {type: string, enum: [woof]}
                """);

        JsonNode dog = spec.generate("Dog");

        assertTrue(dog.has("name"));
        assertEquals("woof", dog.get("bark").textValue());
        assertEquals(List.of(), spec.problems("Dog", dog));
    }

    @Test
    void givenOneOfWithADiscriminator_whenGenerating_thenTheDiscriminatorCarriesTheMappingKeyAndOneBranchMatches() {
        InlineSpec spec = InlineSpec.openApi30("""
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: pet_type
                    mapping:
                      cat: '#/components/schemas/Cat'
                      dog: '#/components/schemas/Dog'
                Cat:
                  type: object
                  required: [pet_type]
                  properties:
                    pet_type: {type: string}
                    lives: {type: integer}
                Dog:
                  type: object
                  required: [pet_type, bark]
                  properties:
                    pet_type: {type: string}
                    bark: {type: string}
                """);

        JsonNode pet = spec.generate("Pet");

        assertEquals("cat", pet.get("pet_type").textValue());
        assertEquals(List.of(), spec.problems("Pet", pet));
    }

    @Test
    void givenASubtypeOfADiscriminatedBase_whenGenerating_thenTheDiscriminatorNamesTheSubtype() {
        InlineSpec spec = InlineSpec.openApi30("""
                Animal:
                  type: object
                  required: [kind]
                  properties:
                    kind: {type: string}
                  discriminator:
                    propertyName: kind
                Lion:
                  allOf:
                    - $ref: '#/components/schemas/Animal'
                    - type: object
                      properties:
                        mane: {type: boolean}
                """);

        assertEquals("Lion", spec.generate("Lion").get("kind").textValue());
    }

    @Test
    void givenOneOfBranchesThatOverlap_whenGenerating_thenTheBodyMatchesExactlyOneBranch() {
        InlineSpec spec = InlineSpec.openApi30("""
                Either:
                  oneOf:
                    - {type: string, maxLength: 5}
                    - {type: string, minLength: 3}
                """);

        for (long seed = 0; seed < 20; seed++) {
            JsonNode body = spec.generate("Either", seed);
            assertEquals(List.of(), spec.problems("Either", body), body.toString());
        }
    }

    @Test
    void givenARecursiveSchema_whenGenerating_thenNestingIsBoundedAndTheBodyIsValid() {
        InlineSpec spec = InlineSpec.openApi30("""
                Tree:
                  type: object
                  required: [value]
                  properties:
                    value: {type: integer}
                    parent:
                      anyOf: [{$ref: '#/components/schemas/Tree'}]
                      nullable: true
                    children:
                      type: array
                      items: {$ref: '#/components/schemas/Tree'}
                """);

        JsonNode tree = spec.generate("Tree");

        assertTrue(depth(tree) <= 2 * Generation.RICH_DEPTH, "depth " + depth(tree));
        assertEquals(List.of(), spec.problems("Tree", tree));
    }

    @Test
    void givenMutuallyRequiredRecursion_whenGenerating_thenGenerationTerminates() {
        InlineSpec spec = InlineSpec.openApi30("""
                Egg:
                  type: object
                  required: [chicken]
                  properties:
                    chicken: {$ref: '#/components/schemas/Chicken'}
                Chicken:
                  type: object
                  required: [egg]
                  properties:
                    egg: {$ref: '#/components/schemas/Egg'}
                """);

        assertTrue(spec.generate("Egg").has("chicken"));
    }

    @Test
    void givenNullableOptionalObjectsDeepDown_whenGenerating_thenTheyBecomeNullPastTheDepthBound() {
        InlineSpec spec = InlineSpec.openApi30("""
                Level:
                  type: object
                  required: [next]
                  properties:
                    next:
                      allOf: [{$ref: '#/components/schemas/Level'}]
                      nullable: true
                """);

        JsonNode body = spec.generate("Level");

        JsonNode node = body;
        int levels = 0;
        while (node.get("next") != null && node.get("next").isObject()) {
            node = node.get("next");
            levels++;
        }
        assertTrue(node.get("next").isNull());
        assertTrue(levels <= Generation.RICH_DEPTH, "levels " + levels);
        assertEquals(List.of(), spec.problems("Level", body));
    }

    @Test
    void givenOpenApi31NullTypes_whenGenerating_thenANonNullValueOfTheOtherTypeIsEmittedAndValid() {
        InlineSpec spec = InlineSpec.openApi31("""
                Maybe:
                  type: object
                  required: [note, count]
                  properties:
                    note: {type: [string, 'null']}
                    count: {type: ['null', integer], minimum: 5}
                """);

        JsonNode body = spec.generate("Maybe");

        assertTrue(body.get("note").isTextual());
        assertTrue(body.get("count").longValue() >= 5);
        assertEquals(List.of(), spec.problems("Maybe", body));
    }

    @Test
    void givenOpenApi31NullBranchesInRecursion_whenGenerating_thenTheRecursionEndsInNull() {
        InlineSpec spec = InlineSpec.openApi31("""
                Chain:
                  type: object
                  required: [next]
                  properties:
                    next:
                      anyOf: [{type: 'null'}, {$ref: '#/components/schemas/Chain'}]
                """);

        JsonNode chain = spec.generate("Chain");

        assertTrue(chain.get("next").isObject());
        assertTrue(depth(chain) <= Generation.RICH_DEPTH + 2, chain.toString());
        assertEquals(List.of(), spec.problems("Chain", chain));
    }

    @Test
    void givenASchemaExampleOfTheRightType_whenGenerating_thenTheExampleIsUsed() {
        InlineSpec spec = InlineSpec.openApi30("""
                Price:
                  type: object
                  properties:
                    amount: {type: integer, example: 1999}
                    label: {type: string, example: 42}
                """);

        JsonNode price = spec.generate("Price");

        assertEquals(1999, price.get("amount").intValue());
        assertTrue(price.get("label").isTextual());
    }

    @Test
    void givenOpenApi31Examples_whenGenerating_thenTheFirstExampleIsUsed() {
        InlineSpec spec = InlineSpec.openApi31("""
                Code: {type: string, examples: [ABC, DEF]}
                """);

        assertEquals("ABC", spec.generate("Code").textValue());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }
}
