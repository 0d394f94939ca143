package dev.twin.replayer.internal.custom;

import dev.twin.replayer.config.Expressions;
import dev.twin.replayer.config.SourceLocation;
import dev.twin.replayer.internal.regex.RegexBudgetExceeded;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Custom-operation expressions tell literals from references and cannot reach classes. */
class ExpressionSandboxTest {
    private static Object eval(String source, Map<String, Object> variables) {
        MapContext context = new MapContext();
        variables.forEach(context::set);
        return Expressions.compile(source, SourceLocation.of(Path.of("twin.yaml"))).evaluate(context);
    }

    @Test
    void quotedTextIsALiteralAndBareNamesAreReferences() {
        Map<String, Object> pi = new LinkedHashMap<>();
        pi.put("amount", 2000L);
        Map<String, Object> vars = Map.of("pi", pi, "input", new LinkedHashMap<>());

        assertEquals("succeeded", eval("\"succeeded\"", vars));
        assertEquals("succeeded", eval("'succeeded'", vars));
        assertEquals(2000L, eval("pi.amount", vars));
        assertEquals(2000L, eval("input.amount ?? pi.amount", vars));
    }

    @Test
    void expressionsCannotReachClasses() {
        Map<String, Object> vars = Map.of("pi", new LinkedHashMap<>(Map.of("id", "pi_1")));
        for (String attempt : new String[] {"pi.getClass()", "pi.id.getClass()", "pi.id.class"}) {
            Object result;
            try {
                result = eval(attempt, vars);
            } catch (JexlException refused) {
                result = null;
            }
            assertFalse(result instanceof Class<?>, attempt + " reached " + result);
        }
    }

    @Test
    void aRegexMatchStillWorks() {
        Map<String, Object> vars = Map.of("input", Map.of("name", "abc"));

        assertEquals(true, eval("input.name =~ 'a.c'", vars));
        assertEquals(false, eval("input.name =~ 'x+'", vars));
    }

    @Test
    void aCatastrophicRegexIsStoppedWithinItsBudget() {
        Map<String, Object> vars = Map.of("input", Map.of("name", "a".repeat(40)));

        JexlException e = assertThrows(JexlException.class, () -> eval("input.name =~ '(.*a){12}b'", vars));

        RegexBudgetExceeded exceeded = RegexBudgetExceeded.in(e);
        assertNotNull(exceeded, e.toString());
        assertEquals("(.*a){12}b", exceeded.pattern());
    }

    @Test
    void theMatchesMethodGoesThroughTheSameBudget() {
        Map<String, Object> vars = Map.of("input", Map.of("name", "a".repeat(40)));

        JexlException e = assertThrows(JexlException.class, () -> eval("input.name.matches('(.*a){12}b')", vars));

        assertNotNull(RegexBudgetExceeded.in(e), e.toString());
    }

    @Test
    void stringMethodsTakingARegexOrBuildingUnboundedTextAreDenied() {
        Map<String, Object> vars = Map.of("input", Map.of("name", "aaa"));
        for (String attempt : new String[] {"input.name.replaceAll('a', 'b')", "input.name.replaceFirst('a', 'b')",
                "input.name.split('a')", "input.name.repeat(1000000000)"}) {
            assertNull(eval(attempt, vars), attempt);
        }
    }
}
