package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick check only ever says "valid" where the JSON Schema validator finds nothing wrong. */
class ScalarCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> SIMPLE_SCHEMAS = List.of(
            "{\"type\":\"integer\"}",
            "{\"type\":\"integer\",\"format\":\"int64\"}",
            "{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":100}",
            "{\"type\":\"integer\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":10}",
            "{\"type\":\"number\",\"minimum\":0.5}",
            "{\"type\":\"boolean\"}",
            "{\"type\":\"string\"}",
            "{\"type\":\"string\",\"enum\":[\"open\",\"closed\"]}",
            "{\"type\":\"string\",\"minLength\":2,\"maxLength\":4}",
            "{\"type\":\"string\",\"pattern\":\"^cus_[a-z0-9]+$\"}",
            "{\"type\":\"string\",\"pattern\":\"[0-9]\",\"default\":\"1\"}");

    private static final List<JsonNode> VALUES = List.of(
            NODES.numberNode(0), NODES.numberNode(1), NODES.numberNode(10), NODES.numberNode(100),
            NODES.numberNode(101), NODES.numberNode(-5L), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new BigInteger("123456789012345678901234567890")), NODES.numberNode(0.25),
            NODES.numberNode(0.5), NODES.numberNode(2.5), NODES.booleanNode(true), NODES.textNode(""),
            NODES.textNode("1"), NODES.textNode("open"), NODES.textNode("Open"), NODES.textNode("ab"),
            NODES.textNode("abcde"), NODES.textNode("\uD83D\uDE00\uD83D\uDE00"), NODES.textNode("cus_abc123"),
            NODES.textNode("xcus_abc"), NODES.nullNode(), NODES.arrayNode().add(1), NODES.objectNode());

    @Test
    void givenSimpleSchemas_whenTheQuickCheckSaysValid_thenTheValidatorAgrees() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int quickYes = 0;
        for (String text : SIMPLE_SCHEMAS) {
            JsonNode schema = JSON.readTree(text);
            ScalarCheck quick = ScalarCheck.of(schema);
            assertNotNull(quick, "a quick check exists for " + text);
            var full = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            for (JsonNode value : VALUES) {
                boolean validatorValid = full.validate(value).isEmpty();
                if (quick.clearlyValid(value)) {
                    quickYes++;
                    if (!validatorValid) {
                        disagreements.add(text + " with " + value);
                    }
                }
            }
        }
        assertTrue(disagreements.isEmpty(), "the quick check accepted values the validator rejects: "
                + disagreements);
        assertTrue(quickYes > 30, "the quick check answers for most valid values, not only a few: " + quickYes);
    }

    @Test
    void givenAnIntegerPathParameter_whenChecked_thenItIsAcceptedWithoutTheValidator() throws Exception {
        ScalarCheck quick = ScalarCheck.of(JSON.readTree("{\"type\":\"integer\",\"format\":\"int64\"}"));

        assertTrue(quick.clearlyValid(NODES.numberNode(42L)));
        assertFalse(quick.clearlyValid(NODES.textNode("lots")), "a value that did not parse goes to the validator");
    }

    @Test
    void givenSchemasWithKeywordsItDoesNotKnow_whenCompiled_thenThereIsNoQuickCheck() throws Exception {
        for (String text : List.of("{\"type\":[\"integer\",\"null\"]}", "{\"type\":\"string\",\"format\":\"email\"}",
                "{\"type\":\"object\"}", "{\"type\":\"integer\",\"enum\":[1,2]}", "{\"anyOf\":[{\"type\":\"string\"}]}",
                "{\"type\":\"string\",\"const\":\"a\"}", "{\"type\":\"number\",\"format\":\"float\"}",
                "{\"allOf\":[{\"$ref\":\"#/definitions/Id\"}],\"definitions\":{\"Id\":{\"type\":\"string\"}}}")) {
            assertNull(ScalarCheck.of(JSON.readTree(text)), text);
        }
    }
}
