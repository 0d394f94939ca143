package dev.twin.replayer.internal.dialect;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Go's encoding/json wording (go1.19–1.22 json.Unmarshal) for inputs, as Go prints err.Error(). */
class GoJsonSyntaxTest {
    @Test
    void givenMalformedInputs_whenWorded_thenEachMessageIsGosOwn() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("{\"id\": nope}", "invalid character 'o' in literal null (expecting 'u')");
        expected.put("", "unexpected end of JSON input");
        expected.put("{\"id\":", "unexpected end of JSON input");
        expected.put("nope", "invalid character 'o' in literal null (expecting 'u')");
        expected.put("x", "invalid character 'x' looking for beginning of value");
        expected.put("{x}", "invalid character 'x' looking for beginning of object key string");
        expected.put("{\"a\" 1}", "invalid character '1' after object key");
        expected.put("{\"a\":1 \"b\":2}", "invalid character '\"' after object key:value pair");
        expected.put("[1 2]", "invalid character '2' after array element");
        expected.put("{} x", "invalid character 'x' after top-level value");
        expected.put("{\"a\":tru}", "invalid character '}' in literal true (expecting 'e')");
        expected.put("tru", "invalid character ' ' in literal true (expecting 'e')");
        expected.put("-", "invalid character ' ' in numeric literal");
        expected.put("1.", "invalid character ' ' after decimal point in numeric literal");
        expected.put("1e+", "invalid character ' ' in exponent of numeric literal");
        expected.put("01", "invalid character '1' after top-level value");
        expected.put("\"a\\x\"", "invalid character 'x' in string escape code");
        expected.put("\"\\u12g4\"", "invalid character 'g' in \\u hexadecimal character escape");
        expected.put("\"a\tb\"", "invalid character '\\t' in string literal");
        expected.put("{'a':1}", "invalid character '\\'' looking for beginning of object key string");
        expected.put("[,]", "invalid character ',' looking for beginning of value");
        expected.put("{,}", "invalid character ',' looking for beginning of object key string");
        expected.put("{\"a\":1,}", "invalid character '}' looking for beginning of object key string");
        expected.put("falsy", "invalid character 'y' in literal false (expecting 'e')");
        expected.forEach((input, message) -> assertEquals(message,
                GoJsonSyntax.message(input.getBytes(StandardCharsets.UTF_8)), input));
    }

    @Test
    void givenANonAsciiOrControlByte_whenWorded_thenItIsQuotedAsGoQuotesTheCodePoint() {
        assertEquals("invalid character 'Ã' looking for beginning of value",
                GoJsonSyntax.message("é".getBytes(StandardCharsets.UTF_8)));
        assertEquals("invalid character '\\x00' looking for beginning of value", GoJsonSyntax.message(new byte[] {0}));
    }

    @Test
    void givenValidJson_whenWorded_thenThereIsNoMessage() {
        for (String valid : new String[] {"{}", " [1, 2.5e-3, \"x\\u00e9\", true, false, null] ", "{\"a\":{\"b\":[]}}",
                "0", "-0.1"}) {
            assertNull(GoJsonSyntax.message(valid.getBytes(StandardCharsets.UTF_8)), valid);
        }
    }
}
