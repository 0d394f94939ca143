package dev.twin.replayer.config;

import org.apache.commons.jexl3.JexlContext;
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

    /** @throws org.apache.commons.jexl3.JexlException when evaluation fails (e.g. an undefined variable) */
    public Object evaluate(JexlContext context) {
        return compiled.evaluate(context);
    }

    @Override
    public String toString() {
        return source;
    }
}
