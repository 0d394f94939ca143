package dev.twin.replayer.config;

import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fn: functions of twin.yaml expressions, as docs/twin-yaml.md promises them. */
class ExpressionFunctionsTest {
    private static Object eval(String source, Map<String, Object> variables) {
        return Expressions.compile(source, SourceLocation.of(java.nio.file.Path.of("twin.yaml")))
                .evaluate(new MapContext(new java.util.HashMap<>(variables)));
    }

    private static final List<Map<String, Object>> LINES = List.of(Map.of("id", "a", "amount", 1000L),
            Map.of("id", "b", "amount", 250L, "type", "x"), Map.of("id", "c"));

    @Test
    void sumAddsAFieldOfEachMapAndTheNumbersOfALiteralList() {
        assertEquals(1250L, eval("fn:sum(lines, 'amount')", Map.of("lines", LINES)));
        assertEquals(6L, eval("fn:sum([1, 2, 3])", Map.of()));
        assertEquals(0L, eval("fn:sum([], 'amount')", Map.of()));
    }

    @Test
    void findFilterAndPluckReadMapsByAField() {
        assertEquals(LINES.get(1), eval("fn:find(lines, 'id', 'b')", Map.of("lines", LINES)));
        assertNull(eval("fn:find(lines, 'id', 'z')", Map.of("lines", LINES)));
        assertEquals(List.of(LINES.get(1)), eval("fn:filter(lines, 'type', 'x')", Map.of("lines", LINES)));
        assertEquals(List.of("a", "b", "c"), eval("fn:pluck(lines, 'id')", Map.of("lines", LINES)));
    }

    @Test
    void aMonthAfterTheThirtyFirstOfJanuaryIsTheEndOfFebruary() {
        long january31 = java.time.LocalDate.of(2024, 1, 31).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
        long february29 = java.time.LocalDate.of(2024, 2, 29).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();

        assertEquals(february29, eval("fn:addInterval(t, 'month', 1)", Map.of("t", january31)));
        assertEquals(january31 + 14 * 86400L, eval("fn:addInterval(t, 'week', 2)", Map.of("t", january31)));
        assertThrows(org.apache.commons.jexl3.JexlException.class,
                () -> eval("fn:addInterval(t, 'fortnight', 1)", Map.of("t", january31)));
    }

    @Test
    void aHashIsTheSameForTheSameTextAndOfTheLengthAsked() {
        Object first = eval("fn:hash('4242424242424242', 16)", Map.of());

        assertEquals(first, eval("fn:hash('4242424242424242', 16)", Map.of()));
        assertNotEquals(first, eval("fn:hash('5555555555554444', 16)", Map.of()));
        assertEquals(16, ((String) first).length());
        assertTrue(((String) first).matches("[0-9A-Za-z]{16}"));
        assertNull(eval("fn:hash(nothing, 16)", new java.util.HashMap<>(java.util.Collections.singletonMap("nothing", null))));
    }

    @Test
    void mapsAreMergedAndTrimmedIntoNewMaps() {
        assertEquals(Map.of("a", 1, "b", 3), eval("fn:merge({'a': 1, 'b': 2}, {'b': 3})", Map.of()));
        assertEquals(Map.of("b", 2), eval("fn:omit({'a': 1, 'b': 2, 'c': 3}, ['a', 'c'])", Map.of()));
        assertEquals(List.of(1, 2, 3), eval("fn:concat([1, 2], 3)", Map.of()));
        assertTrue((Boolean) eval("fn:includes(['a', 'b'], 'b')", Map.of()));
        assertFalse((Boolean) eval("fn:includes('abc', 'z')", Map.of()));
        assertEquals("0007", eval("fn:pad(7, 4)", Map.of()));
    }
}
