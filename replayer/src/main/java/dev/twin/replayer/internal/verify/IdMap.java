package dev.twin.replayer.internal.verify;

import java.util.HashMap;
import java.util.Map;

/**
 * What the twin minted in place of each recorded value, learned from answers ({@code cus_A} recorded,
 * {@code cus_X} answered) and used to rewrite later requests and to read later answers. One map per session:
 * the twin starts each session with fresh state.
 *
 * <p>Numeric ids ({@code "id": 10} recorded, {@code 1} answered) are kept apart: a number is too common to be
 * replaced wherever it appears, so they are rewritten only as a whole path segment or a whole query or form value.
 */
final class IdMap {
    private final Map<String, String> twinByRecorded = new HashMap<>();
    private final Map<String, String> recordedByTwin = new HashMap<>();
    private final Map<String, String> twinNumberByRecorded = new HashMap<>();
    private final Map<String, String> recordedNumberByTwin = new HashMap<>();

    /** The twin's value for a recorded one, or null when none was learned. */
    String twinValue(String recorded) {
        return twinByRecorded.get(recorded);
    }

    int size() {
        return twinByRecorded.size() + twinNumberByRecorded.size();
    }

    /**
     * Remembers that the twin answered {@code twin} where the recording had {@code recorded}.
     *
     * @return false when that contradicts what was learned before (either value already pairs with another)
     */
    boolean learn(String recorded, String twin) {
        return learn(recorded, twin, twinByRecorded, recordedByTwin);
    }

    /** Like {@link #learn} for numeric ids (digits only), which are rewritten only as whole values. */
    boolean learnNumber(String recorded, String twin) {
        return learn(recorded, twin, twinNumberByRecorded, recordedNumberByTwin);
    }

    /** The twin's numeric id for a recorded one, or null. */
    String twinNumber(String recorded) {
        return twinNumberByRecorded.get(recorded);
    }

    private static boolean learn(String recorded, String twin, Map<String, String> forward,
                                 Map<String, String> backward) {
        String known = forward.get(recorded);
        if (known != null) {
            return known.equals(twin);
        }
        if (backward.containsKey(twin)) {
            return false;
        }
        forward.put(recorded, twin);
        backward.put(twin, recorded);
        return true;
    }

    /** {@link #rewrite} plus numeric ids that are a whole path segment ({@code /pets/10}). */
    String rewritePath(String path) {
        String rewritten = rewrite(path);
        if (twinNumberByRecorded.isEmpty()) {
            return rewritten;
        }
        String[] segments = rewritten.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = twinNumberByRecorded.getOrDefault(segments[i], segments[i]);
        }
        return String.join("/", segments);
    }

    /** {@link #rewrite} plus numeric ids that are a whole value of a query or form body ({@code petId=10}). */
    String rewriteQuery(String query) {
        String rewritten = rewrite(query);
        if (twinNumberByRecorded.isEmpty()) {
            return rewritten;
        }
        String[] pairs = rewritten.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int equals = pairs[i].indexOf('=');
            if (equals >= 0) {
                String value = twinNumberByRecorded.get(pairs[i].substring(equals + 1));
                if (value != null) {
                    pairs[i] = pairs[i].substring(0, equals + 1) + value;
                }
            }
        }
        return String.join("&", pairs);
    }

    /**
     * The text with every learned recorded value replaced by the twin's. Values are found as whole tokens of
     * id characters ({@code [A-Za-z0-9_-]}), or as their {@code _}/{@code -} separated parts (a secret
     * {@code pi_A_secret_B} whose id {@code pi_A} was learned), longest first.
     */
    String rewrite(String text) {
        if (twinByRecorded.isEmpty() || text.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < text.length()) {
            if (!isIdChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isIdChar(text.charAt(end))) {
                end++;
            }
            String token = text.substring(i, end);
            String rewritten = rewriteToken(token);
            if (rewritten != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, i).append(rewritten);
                copied = end;
            }
            i = end;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The token rewritten, or null when it holds no learned value. */
    private String rewriteToken(String token) {
        String whole = twinByRecorded.get(token);
        if (whole != null) {
            return whole;
        }
        if (token.indexOf('_') < 0 && token.indexOf('-') < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(token.length());
        boolean changed = false;
        int start = 0;
        while (start < token.length()) {
            int matchedEnd = -1;
            String replacement = null;
            for (int end = token.length(); end > start; end--) {
                if (end < token.length() && !isSeparator(token.charAt(end))) {
                    continue;
                }
                String value = twinByRecorded.get(token.substring(start, end));
                if (value != null) {
                    matchedEnd = end;
                    replacement = value;
                    break;
                }
            }
            if (replacement != null) {
                out.append(replacement);
                changed = true;
                start = matchedEnd;
            } else {
                int next = nextSeparator(token, start);
                out.append(token, start, next);
                start = next;
            }
            if (start < token.length()) { // the separator itself
                out.append(token.charAt(start));
                start++;
            }
        }
        return changed ? out.toString() : null;
    }

    private static int nextSeparator(String token, int from) {
        for (int i = from; i < token.length(); i++) {
            if (isSeparator(token.charAt(i))) {
                return i;
            }
        }
        return token.length();
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '-';
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
