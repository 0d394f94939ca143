package dev.twin.replayer.internal.regex;

import java.util.regex.Pattern;

/**
 * Matches a {@link Pattern} reading the text through a character counter: every step of Java's backtracking
 * matcher reads a character, so counting reads bounds the work. A linear pattern on a long value reads each
 * character a few times and stays far below the budget; {@code (a+)+b} on thirty {@code a}s needs a billion reads
 * and is stopped at {@link #MAX_STEPS} (a few milliseconds) with {@link RegexBudgetExceeded}.
 */
public final class BoundedRegex {
    /** Characters read per match before it is stopped. */
    public static final int MAX_STEPS = 1_000_000;

    private BoundedRegex() {
    }

    /** Whether the whole of {@code text} matches, as {@link java.util.regex.Matcher#matches()}. */
    public static boolean matches(Pattern pattern, String text) {
        return pattern.matcher(new CountedText(text, pattern.pattern())).matches();
    }

    /** Whether {@code pattern} occurs in {@code text}, as {@link java.util.regex.Matcher#find()}. */
    public static boolean find(Pattern pattern, String text) {
        return pattern.matcher(new CountedText(text, pattern.pattern())).find();
    }

    /** The text a matcher reads, counting each character it asks for. */
    private static final class CountedText implements CharSequence {
        private final String text;
        private final String pattern;
        private int steps;

        CountedText(String text, String pattern) {
            this.text = text;
            this.pattern = pattern;
        }

        @Override
        public char charAt(int index) {
            if (++steps > MAX_STEPS) {
                throw new RegexBudgetExceeded(pattern);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
