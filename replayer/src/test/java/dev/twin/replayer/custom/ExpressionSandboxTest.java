package dev.twin.replayer.custom;

import dev.twin.replayer.config.Expressions;
import dev.twin.replayer.config.SourceLocation;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
