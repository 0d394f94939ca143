package dev.twin.replayer.config;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.JexlScript;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one JEXL engine for twin.yaml expressions, limited to single side-effect-free expressions: no assignments,
 * loops, lambdas, local variables, {@code new}, pragmas or {@code a; b}. Variables are checked at load (every one
 * must be in scope), so at run time navigation is null-safe: an absent map key or a step through null reads as
 * null, and {@code input.amount ?? pi.amount} works. Permissions are JEXL's
 * restricted set without {@code getClass()}, so an expression cannot reach classes or reflection. With no loops,
 * the work an expression does is bounded by its length, except for regular expressions over request values:
 * {@code =~} matches within a step budget ({@link ExpressionArithmetic}) and the String methods taking a regex are
 * denied. {@code fn:name(...)} calls one of {@link ExpressionFunctions}.
 */
public final class Expressions {
    /** The namespace of {@link ExpressionFunctions}: {@code fn:sum(lines, 'amount')}. */
    public static final String FUNCTIONS_NAMESPACE = "fn";

    public static final JexlEngine ENGINE = new JexlBuilder()
            .features(new JexlFeatures()
                    .sideEffect(false).sideEffectGlobal(false).loops(false).lambda(false).localVar(false)
                    .newInstance(false).pragma(false).annotation(false).importPragma(false)
                    .namespacePragma(false))
            // No class access: getClass() and java.lang.Class are denied on top of JEXL's restricted set. Nor the
            // String methods that take a regex or build unbounded text: =~ matches regexes within a budget instead.
            .permissions(new org.apache.commons.jexl3.introspection.JexlPermissions.ClassPermissions(
                    org.apache.commons.jexl3.introspection.JexlPermissions.RESTRICTED.compose(
                    "java.lang { Object { getClass(); wait(); notify(); notifyAll(); } Class {}"
                            + " String { matches(); replaceAll(); replaceFirst(); split(); repeat(); } }",
                    "java.util.regex { Pattern {} Matcher {} }"),
                    java.util.List.of(ExpressionFunctions.class.getCanonicalName())))
            .namespaces(java.util.Map.of(FUNCTIONS_NAMESPACE, ExpressionFunctions.class))
            .arithmetic(new ExpressionArithmetic(true))
            .strict(true)
            .silent(false)
            .cache(512)
            .create();

    private Expressions() {
    }

    /** @throws JexlException if {@code source} is not one valid expression */
    public static Expression compile(String source, SourceLocation location) {
        return new Expression(source, ENGINE.createExpression(new JexlInfo("expr", 1, 1), source), location);
    }

    /** The top-level variable names an expression reads ({@code pi.amount ?? 0} → {@code pi}). */
    public static Set<String> variables(String source) {
        return rootNames(ENGINE.createScript(new JexlInfo("expr", 1, 1), source));
    }

    /** As {@link #variables(String)}, without parsing again (JEXL's expressions are scripts too). */
    public static Set<String> variables(Expression expression) {
        return expression.compiled() instanceof JexlScript
                ? rootNames((JexlScript) expression.compiled()) : variables(expression.source());
    }

    private static Set<String> rootNames(JexlScript script) {
        Set<String> names = new LinkedHashSet<>();
        for (List<String> path : script.getVariables()) {
            if (!path.isEmpty()) {
                names.add(path.get(0));
            }
        }
        return names;
    }

    /** JEXL's message without its {@code expr@1:5 } position prefix: {@code parsing error in '=='}. */
    static String describe(JexlException e) {
        String message = e.getMessage();
        int space = message.indexOf(' ');
        return space > 0 && message.substring(0, space).contains("@") ? message.substring(space + 1) : message;
    }
}
