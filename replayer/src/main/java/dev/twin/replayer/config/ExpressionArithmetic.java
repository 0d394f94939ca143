package dev.twin.replayer.config;

import dev.twin.replayer.internal.regex.BoundedRegex;
import org.apache.commons.jexl3.JexlArithmetic;

import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * JEXL's arithmetic with one change: {@code value =~ 'regex'} (and {@code !~}, and regex literals) match with a
 * step budget ({@link BoundedRegex}). Expressions have no loops, so a regex over a request value is the one way an
 * expression could run for minutes; over budget it fails with
 * {@link dev.twin.replayer.internal.regex.RegexBudgetExceeded} inside the {@link org.apache.commons.jexl3.JexlException}.
 */
final class ExpressionArithmetic extends JexlArithmetic {
    /** Compiled patterns; cleared when full, since a request can send any number of different ones. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_PATTERNS = 256;

    ExpressionArithmetic(boolean strict) {
        super(strict);
    }

    private ExpressionArithmetic(boolean strict, MathContext context, int scale) {
        super(strict, context, scale);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return new ExpressionArithmetic(strict, context, scale);
    }

    @Override
    public Boolean contains(Object container, Object value) {
        if (container instanceof Pattern pattern && value != null) {
            return BoundedRegex.matches(pattern, value.toString());
        }
        if (container instanceof CharSequence regex && value != null) {
            return BoundedRegex.matches(pattern(regex.toString()), value.toString());
        }
        return super.contains(container, value);
    }

    private static Pattern pattern(String regex) {
        Pattern pattern = PATTERNS.get(regex);
        if (pattern == null) {
            pattern = Pattern.compile(regex);
            if (PATTERNS.size() >= MAX_PATTERNS) {
                PATTERNS.clear();
            }
            PATTERNS.put(regex, pattern);
        }
        return pattern;
    }
}
