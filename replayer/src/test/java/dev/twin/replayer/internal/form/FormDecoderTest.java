package dev.twin.replayer.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FormShape shape(String jsonSchema) throws Exception {
        return FormShapeBuilder.of(JSON.readTree(jsonSchema));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void givenBracketedNames_whenDecodedWithoutSchema_thenTheyNestIntoObjects() throws Exception {
        JsonNode body = FormDecoder.decodeBody("metadata[order]=42&a[b][c]=1&name=Jo+Doe", FormShape.ANY);

        assertEquals(json("{\"metadata\":{\"order\":\"42\"},\"a\":{\"b\":{\"c\":\"1\"}},\"name\":\"Jo Doe\"}"), body);
    }

    @Test
    void givenAppendBrackets_whenDecoded_thenValuesFormAnArrayInOrder() throws Exception {
        JsonNode body = FormDecoder.decodeBody("expand[]=customer&expand[]=invoice", FormShape.ANY);

        assertEquals(json("{\"expand\":[\"customer\",\"invoice\"]}"), body);
    }

    @Test
    void givenIndexedObjects_whenTheSchemaSaysArray_thenTheyBecomeAnArrayOfTypedObjects() throws Exception {
        FormShape shape = shape("""
                {"type":"object","properties":{"items":{"type":"array","items":{"type":"object",
                 "properties":{"price":{"type":"string"},"quantity":{"type":"integer"}}}}}}""");

        JsonNode body = FormDecoder.decodeBody(
                "items[1][price]=p2&items[0][price]=p1&items[0][quantity]=2&items[1][quantity]=3", shape);

        assertEquals(json("{\"items\":[{\"price\":\"p1\",\"quantity\":2},{\"price\":\"p2\",\"quantity\":3}]}"), body);
    }

    @Test
    void givenAppendedObjectFields_whenAFieldRepeats_thenANewElementStarts() throws Exception {
        JsonNode body = FormDecoder.decodeBody("items[][price]=a&items[][qty]=1&items[][price]=b", FormShape.ANY);

        assertEquals(json("{\"items\":[{\"price\":\"a\",\"qty\":\"1\"},{\"price\":\"b\"}]}"), body);
    }

    @Test
    void givenARepeatedPlainKey_whenTheSchemaSaysArray_thenAllValuesAreKept() throws Exception {
        FormShape shape = shape("""
                {"type":"object","properties":{"PersistentAction":{"type":"array","items":{"type":"string"}},
                 "Tag":{"type":"array","items":{"type":"integer"}}}}""");

        JsonNode body = FormDecoder.decodeBody("PersistentAction=a&PersistentAction=b&Tag=7", shape);

        assertEquals(json("{\"PersistentAction\":[\"a\",\"b\"],\"Tag\":[7]}"), body);
    }

    @Test
    void givenScalarFields_whenDecoded_thenIntegersNumbersAndBooleansAreTypedAndStringsStayStrings()
            throws Exception {
        FormShape shape = shape("""
                {"type":"object","properties":{"amount":{"type":"integer"},"rate":{"type":"number"},
                 "confirm":{"type":"boolean"},"code":{"type":"string"},"big":{"type":"integer"}}}""");

        JsonNode body = FormDecoder.decodeBody(
                "amount=2000&rate=1.25&confirm=true&code=007&big=123456789012345678901234567890", shape);

        assertEquals(2000, body.get("amount").intValue());
        assertTrue(body.get("amount").isIntegralNumber());
        assertEquals(0, body.get("rate").decimalValue().compareTo(new java.math.BigDecimal("1.25")));
        assertTrue(body.get("confirm").booleanValue());
        assertEquals("007", body.get("code").textValue());
        assertTrue(body.get("big").isBigInteger());
    }

    @Test
    void givenAValueThatDoesNotFitItsType_whenDecoded_thenItStaysTheStringSent() throws Exception {
        FormShape shape = shape("""
                {"type":"object","properties":{"amount":{"type":"integer"},"confirm":{"type":"boolean"}}}""");

        JsonNode body = FormDecoder.decodeBody("amount=abc&confirm=yes", shape);

        assertEquals(json("{\"amount\":\"abc\",\"confirm\":\"yes\"}"), body);
    }

    @Test
    void givenStripesUnsettableField_whenAnEmptyStringIsSent_thenItStaysAnEmptyString() throws Exception {
        FormShape shape = shape("""
                {"type":"object","properties":{"metadata":{"anyOf":[
                  {"type":"object","additionalProperties":{"type":"string"}},
                  {"type":"string","enum":[""]}]}}}""");

        assertEquals(json("{\"metadata\":\"\"}"), FormDecoder.decodeBody("metadata=", shape));
        assertEquals(json("{\"metadata\":{\"order\":\"42\"}}"), FormDecoder.decodeBody("metadata[order]=42", shape));
    }

    @Test
    void givenAnyOfObjectOrInteger_whenEitherFormIsSent_thenEachIsTypedByTheChoiceItFits() throws Exception {
        FormShape created = shape("""
                {"anyOf":[{"type":"object","properties":{"gte":{"type":"integer"}}},{"type":"integer"}]}""");
        List<FormPair> range = UrlEncoded.parse("created[gte]=1690000000&limit=3");
        List<FormPair> exact = UrlEncoded.parse("created=1690000000");

        assertEquals(json("{\"gte\":1690000000}"), FormDecoder.decodeParameter("created", range, created));
        assertEquals(json("1690000000"), FormDecoder.decodeParameter("created", exact, created));
        assertNull(FormDecoder.decodeParameter("other", exact, created));
    }

    @Test
    void givenAnyOfArrayOrEmptyString_whenOnePlainValueIsSent_thenItBecomesAOneElementArray() throws Exception {
        FormShape shape = shape("""
                {"type":"object","properties":{"types":{"anyOf":[
                  {"type":"array","items":{"type":"integer"}},{"type":"string","enum":[""]}]}}}""");

        assertEquals(json("{\"types\":[7]}"), FormDecoder.decodeBody("types=7", shape));
        assertEquals(json("{\"types\":\"\"}"), FormDecoder.decodeBody("types=", shape));
        assertEquals(json("{\"types\":[7,8]}"), FormDecoder.decodeBody("types[]=7&types[]=8", shape));
    }

    @Test
    void givenNestedObjectsBehindReferences_whenDecoded_thenTypesComeFromTheReferencedDefinitions()
            throws Exception {
        FormShape shape = shape("""
                {"type":"object","properties":{"node":{"$ref":"#/definitions/Node"}},
                 "definitions":{"Node":{"type":"object","properties":{"depth":{"type":"integer"},
                   "child":{"$ref":"#/definitions/Node"}}}}}""");

        JsonNode body = FormDecoder.decodeBody("node[depth]=1&node[child][depth]=2", shape);

        assertEquals(json("{\"node\":{\"depth\":1,\"child\":{\"depth\":2}}}"), body);
    }

    @Test
    void givenPercentEncodedText_whenDecoded_thenNamesAndValuesAreDecodedAsUtf8() throws Exception {
        JsonNode body = FormDecoder.decodeBody("metadata%5Bk%5D=caf%C3%A9+%26+tea&bad=100%zz", FormShape.ANY);

        assertEquals(json("{\"metadata\":{\"k\":\"café & tea\"},\"bad\":\"100%zz\"}"), body);
    }

    @Test
    void givenMalformedBrackets_whenDecoded_thenTheNameIsKeptLiterally() throws Exception {
        JsonNode body = FormDecoder.decodeBody("a[b=1&c]d=2&[x]=3", FormShape.ANY);

        assertEquals(json("{\"a[b\":\"1\",\"c]d\":\"2\",\"[x]\":\"3\"}"), body);
    }
}
