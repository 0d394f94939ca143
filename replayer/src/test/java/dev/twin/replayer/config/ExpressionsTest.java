package dev.twin.replayer.config;

import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What docs/twin-yaml.md promises about expressions. */
class ExpressionsTest {
    private static final SourceLocation HERE = new SourceLocation(Path.of("twin.yaml"), 1, 1);

    private static Object eval(String source, Map<String, Object> variables) {
        return Expressions.compile(source, HERE).evaluate(new MapContext(new java.util.HashMap<>(variables)));
    }

    @Test
    void absentMapKeyReadsAsNullSoCoalescingFallsBack() {
        Map<String, Object> vars = Map.of("input", Map.of(), "pi", Map.of("amount", 500));

        assertNull(eval("input.amount", vars));
        assertEquals(500, eval("input.amount ?? pi.amount", vars));
    }

    @Test
    void quotedWordsAreStringsAndPlusConcatenates() {
        assertEquals("succeeded", eval("'succeeded'", Map.of()));
        assertEquals("pi_1_secret_x", eval("pi.id + '_secret_' + 'x'", Map.of("pi", Map.of("id", "pi_1"))));
    }

    @Test
    void literalsAndMethodsWork() {
        assertEquals(Map.of(), eval("input.metadata ?? {:}", Map.of("input", Map.of())));
        assertEquals(true, eval("pi.id.startsWith('pi_')", Map.of("pi", Map.of("id", "pi_1"))));
        assertEquals(2, eval("size(xs)", Map.of("xs", List.of(1, 2))));
        assertEquals("requires_capture",
                eval("pi.capture_method == 'manual' ? 'requires_capture' : 'succeeded'",
                        Map.of("pi", Map.of("capture_method", "manual"))));
    }

    @Test
    void navigatingThroughNullGivesNull() {
        assertNull(eval("input.metadata.order", Map.of("input", Map.of())));
    }

    @Test
    void classAccessIsDenied() {
        assertNull(eval("'x'.getClass()", Map.of()));
        assertNull(eval("'x'.getClass().forName('java.lang.Runtime')", Map.of()));
    }

    @Test
    void expressionsThatAreNotSideEffectFreeDoNotCompile() {
        assertThrows(JexlException.class, () -> Expressions.compile("x = 1", HERE));
        assertThrows(JexlException.class, () -> Expressions.compile("var x = 1", HERE));
        assertThrows(JexlException.class, () -> Expressions.compile("x -> x", HERE));
        assertThrows(JexlException.class, () -> Expressions.compile("a; b", HERE));
    }

    @Test
    void variablesAreTheTopLevelNamesRead() {
        assertEquals(Set.of("input", "pi"), Expressions.variables("(input.amount ?? pi.amount) + 1"));
        assertEquals(Set.of("pi"), Expressions.variables(Expressions.compile("pi.id + 'x'", HERE)));
    }
}
