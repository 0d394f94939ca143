package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.jexl3.JexlException;

import java.util.Set;

/**
 * Reads one expression from twin.yaml: parses it with {@link Expressions#ENGINE} and checks that every variable
 * it reads is in scope, reporting a located problem (inside the expression when possible) instead of throwing.
 */
final class ExpressionReader {
    private ExpressionReader() {
    }

    /**
     * @param value any scalar: {@code 100} and {@code false} are expressions too
     * @return null when it does not parse or reads an unknown variable (reported)
     */
    static Expression read(YamlMapping m, String pointer, JsonNode value, Set<String> scope) {
        LoadContext context = m.context();
        if (!value.isValueNode() || value.isNull()) {
            context.problem(pointer, "expected an expression, got " + YamlMapping.describe(value, null));
            return null;
        }
        String source = m.text(pointer, value);
        SourceLocation location = context.sourceMap().locate(pointer);
        Expression expression;
        try {
            expression = Expressions.compile(source, location);
        } catch (JexlException e) {
            int line = e.getInfo() == null ? 1 : Math.max(1, e.getInfo().getLine());
            int column = e.getInfo() == null ? 1 : Math.max(1, e.getInfo().getColumn());
            context.problem(new ConfigProblem(context.locateInside(location, source, line, column),
                    ConfigProblems.prefixed(pointer, "expression does not parse: " + Expressions.describe(e)
                            + " at column " + column + " of \"" + source + "\"")));
            return null;
        }
        for (String variable : Expressions.variables(expression)) {
            if (!scope.contains(variable)) {
                String hint = source.strip().equals(variable)
                        ? "; to write the string " + variable + ", quote it inside: \"'" + variable + "'\"" : "";
                context.problem(pointer, "unknown variable '" + variable + "' (known here: "
                        + String.join(", ", scope) + ")" + hint);
                return null;
            }
        }
        return expression;
    }
}
