package dev.twin.replayer.internal.generate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Strings, numbers, enums and constants honour the schema's constraints. */
class ScalarGenerationTest {

    @Test
    void givenAnEnum_whenGenerating_thenTheFirstValueIsChosen() {
        InlineSpec spec = InlineSpec.openApi30("""
                Status: {type: string, enum: [active, inactive, archived]}
                """);

        assertEquals("active", spec.generate("Status").textValue());
    }

    @Test
    void givenAConst_whenGenerating_thenTheConstIsEmitted() {
        InlineSpec spec = InlineSpec.openApi31("""
                Kind: {type: string, const: fixed}
                """);

        assertEquals("fixed", spec.generate("Kind").textValue());
    }

    @Test
    void givenFormats_whenGenerating_thenEveryValueParsesAsItsFormatAndValidates() {
        InlineSpec spec = InlineSpec.openApi30("""
                Formats:
                  type: object
                  properties:
                    at: {type: string, format: date-time}
                    day: {type: string, format: date}
                    time: {type: string, format: time}
                    contact: {type: string, format: email}
                    key: {type: string, format: uuid}
                    link: {type: string, format: uri}
                    server: {type: string, format: hostname}
                    v4: {type: string, format: ipv4}
                    v6: {type: string, format: ipv6}
                    blob: {type: string, format: byte}
                    small: {type: integer, format: int32}
                    big: {type: integer, format: int64}
                    ratio: {type: number, format: double}
                """);

        JsonNode body = spec.generate("Formats");

        assertDoesNotThrow(() -> OffsetDateTime.parse(body.get("at").textValue()));
        assertDoesNotThrow(() -> LocalDate.parse(body.get("day").textValue()));
        assertTrue(body.get("contact").textValue().matches("[^@\\s]+@[^@\\s]+\\.[a-z]+"), body.toString());
        assertDoesNotThrow(() -> UUID.fromString(body.get("key").textValue()));
        assertTrue(URI.create(body.get("link").textValue()).isAbsolute());
        assertDoesNotThrow(() -> Base64.getDecoder().decode(body.get("blob").textValue()));
        assertTrue(body.get("small").canConvertToInt());
        assertTrue(body.get("ratio").isNumber());
        assertEquals(List.of(), spec.problems("Formats", body));
    }

    @Test
    void givenAPattern_whenGenerating_thenTheValueMatchesIt() {
        InlineSpec spec = InlineSpec.openApi30("""
                Sid: {type: string, pattern: '^AC[0-9a-fA-F]{32}$', minLength: 34, maxLength: 34}
                Code: {type: string, pattern: '^[A-Z]{3}-[0-9]{4}$'}
                """);

        for (long seed = 0; seed < 20; seed++) {
            assertTrue(spec.generate("Sid", seed).textValue().matches("AC[0-9a-fA-F]{32}"));
            assertTrue(spec.generate("Code", seed).textValue().matches("[A-Z]{3}-[0-9]{4}"));
        }
    }

    @Test
    void givenLengthBounds_whenGenerating_thenTheLengthIsWithinThem() {
        InlineSpec spec = InlineSpec.openApi30("""
                Long: {type: string, minLength: 40}
                Short: {type: string, maxLength: 2}
                """);

        for (long seed = 0; seed < 20; seed++) {
            assertTrue(spec.generate("Long", seed).textValue().length() >= 40);
            assertTrue(spec.generate("Short", seed).textValue().length() <= 2);
        }
    }

    @Test
    void givenInclusiveAndExclusiveBounds_whenGenerating_thenNumbersStayInside() {
        InlineSpec spec = InlineSpec.openApi30("""
                Narrow: {type: integer, minimum: 10, maximum: 12}
                Exclusive: {type: integer, minimum: 0, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: true}
                Quarters: {type: number, minimum: 1, maximum: 2, multipleOf: 0.25}
                Negative: {type: integer, maximum: -5}
                """);

        for (long seed = 0; seed < 20; seed++) {
            long narrow = spec.generate("Narrow", seed).longValue();
            assertTrue(narrow >= 10 && narrow <= 12);
            assertEquals(1, spec.generate("Exclusive", seed).longValue());
            BigDecimal quarter = spec.generate("Quarters", seed).decimalValue();
            assertEquals(0, quarter.remainder(new BigDecimal("0.25")).signum());
            assertTrue(spec.generate("Negative", seed).longValue() <= -5);
        }
    }

    @Test
    void givenOpenApi31NumericExclusiveBounds_whenGenerating_thenTheBoundsAreExcluded() {
        InlineSpec spec = InlineSpec.openApi31("""
                Percent: {type: number, exclusiveMinimum: 0, exclusiveMaximum: 1}
                """);

        for (long seed = 0; seed < 20; seed++) {
            BigDecimal value = spec.generate("Percent", seed).decimalValue();
            assertTrue(value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0, value.toString());
        }
    }

    @Test
    void givenAnUnsatisfiablePatternForTheFaker_whenGenerating_thenAStringIsStillProduced() {
        InlineSpec spec = InlineSpec.openApi30("""
                Odd: {type: string, pattern: '(?i)^[a-z]+$'}
                """);

        assertTrue(spec.generate("Odd").textValue().matches("(?i)[a-z]+"));
    }
}
