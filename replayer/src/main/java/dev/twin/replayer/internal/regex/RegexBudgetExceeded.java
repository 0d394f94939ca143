package dev.twin.replayer.internal.regex;

/** A match that took more steps than {@link BoundedRegex#MAX_STEPS}; the message names the pattern. */
public final class RegexBudgetExceeded extends RuntimeException {
    private final String pattern;

    RegexBudgetExceeded(String pattern) {
        super("the pattern " + shown(pattern) + " took more than " + BoundedRegex.MAX_STEPS
                + " steps on a value of this request");
        this.pattern = pattern;
    }

    public String pattern() {
        return pattern;
    }

    private static String shown(String pattern) {
        return "'" + (pattern.length() > 60 ? pattern.substring(0, 60) + "..." : pattern) + "'";
    }

    /** The budget exception somewhere in {@code failure}'s causes (libraries wrap it), or null. */
    public static RegexBudgetExceeded in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegexBudgetExceeded exceeded) {
                return exceeded;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
