package dev.twin.replayer.internal.scenario;

/**
 * A glob over namespaced operation ids: {@code *} any run of characters, {@code ?} one; anything else literal.
 * Matched without regular expressions, in at most (glob length × id length) steps: a glob such as
 * {@code *******x} once compiled to a backtracking regex that kept a core busy for minutes.
 */
public final class OperationGlob {
    /**
     * The longest glob accepted from twin.yaml or the admin API: far longer than any operation id (Stripe's longest
     * is under 80 characters), short enough that matching one against every operation stays a few milliseconds.
     */
    public static final int MAX_LENGTH = 256;

    private final String glob;
    /** The glob with runs of {@code *} collapsed to one: they match the same and cost more. */
    private final String pattern;

    private OperationGlob(String glob, String pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /** Why {@code glob} is refused (too long), or null when it can be used. */
    public static String problem(String glob) {
        if (glob.length() > MAX_LENGTH) {
            return "an operation glob can be at most " + MAX_LENGTH + " characters; this one has " + glob.length();
        }
        return null;
    }

    public static OperationGlob of(String glob) {
        StringBuilder collapsed = new StringBuilder(glob.length());
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' || collapsed.length() == 0 || collapsed.charAt(collapsed.length() - 1) != '*') {
                collapsed.append(c);
            }
        }
        return new OperationGlob(glob, collapsed.toString());
    }

    /** The iterative wildcard match: on a mismatch, retry from the last {@code *}, one character further. */
    public boolean matches(String operationId) {
        int p = 0;
        int s = 0;
        int star = -1;
        int resume = 0;
        while (s < operationId.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == operationId.charAt(s))) {
                p++;
                s++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = s;
            } else if (star >= 0) {
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return glob;
    }
}
