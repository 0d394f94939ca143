package dev.twin.replayer.internal.validation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import dev.twin.replayer.internal.regex.BoundedRegex;
import dev.twin.replayer.internal.regex.RegexBudgetExceeded;

import java.util.regex.Pattern;

/**
 * The schema validator's {@code pattern} keyword with a step budget ({@link BoundedRegex}): a spec pattern that
 * backtracks catastrophically against a long request value is stopped instead of holding the event loop. A value
 * the pattern cannot decide within the budget counts as not matching (the request gets the pattern's 400);
 * catastrophic backtracking happens on values that fail to match, so this is almost always the true answer.
 */
final class BoundedPatternFactory implements RegularExpressionFactory {
    static final BoundedPatternFactory INSTANCE = new BoundedPatternFactory();

    private BoundedPatternFactory() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return value -> finds(pattern, value);
    }

    /** JSON Schema patterns are not anchored: a match anywhere in the value counts. */
    static boolean finds(Pattern pattern, String value) {
        try {
            return BoundedRegex.find(pattern, value);
        } catch (RegexBudgetExceeded undecided) {
            return false;
        }
    }
}
