package dev.twin.replayer.scenario;

import java.util.regex.Pattern;

/** A glob over namespaced operation ids: {@code *} any run of characters, {@code ?} one; anything else literal. */
public final class OperationGlob {
    private final String glob;
    private final Pattern pattern;

    private OperationGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    public static OperationGlob of(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return new OperationGlob(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String operationId) {
        return pattern.matcher(operationId).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
