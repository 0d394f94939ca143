package dev.twin.replayer.config;

import dev.twin.replayer.internal.regex.RegexBudgetExceeded;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.JexlExpression;

import java.util.Objects;

/**
 * A JEXL expression from twin.yaml, parsed once at load by {@link Expressions#ENGINE}.
 *
 * @param location where it is written, for runtime error messages
 */
public record Expression(String source, JexlExpression compiled, SourceLocation location) {
    public Expression {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(compiled, "compiled");
        Objects.requireNonNull(location, "location");
    }

    /**
     * @throws JexlException when evaluation fails (e.g. an undefined variable), or when a regex match ran out of
     *                       its budget (then {@link RegexBudgetExceeded#in} finds the cause)
     */
    public Object evaluate(JexlContext context) {
        try {
            return compiled.evaluate(context);
        } catch (RegexBudgetExceeded e) {
            // JEXL lets an operator's exception through unwrapped; callers handle JexlException only
            throw new JexlException((JexlInfo) null, source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
