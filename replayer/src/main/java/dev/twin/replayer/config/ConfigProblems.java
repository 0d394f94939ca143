package dev.twin.replayer.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats configuration problems the same way everywhere: {@code file:line:col: extend[3].mock: message}.
 * Public so that checks needing more than the file itself (e.g. the server resolving {@code mock:} operation
 * names against the imported specs) report like the loader does.
 */
public final class ConfigProblems {
    private ConfigProblems() {
    }

    /** A problem with the value at {@code jsonPointer}, located through the config's source map. */
    public static ConfigProblem at(SourceMap sourceMap, String jsonPointer, String message) {
        return new ConfigProblem(sourceMap.locate(jsonPointer), prefixed(jsonPointer, message));
    }

    /** {@code extend[3].mock: message}; no prefix for the document root. */
    public static String prefixed(String jsonPointer, String message) {
        String path = displayPath(jsonPointer);
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** {@code /extend/3/mock} → {@code extend[3].mock}. */
    public static String displayPath(String jsonPointer) {
        StringBuilder path = new StringBuilder();
        if (jsonPointer.isEmpty()) {
            return "";
        }
        for (String raw : jsonPointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(segment);
            }
        }
        return path.toString();
    }

    /** Appends {@code key} to a JSON Pointer, escaping as RFC 6901 requires. */
    public static String child(String jsonPointer, String key) {
        return jsonPointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String jsonPointer, int index) {
        return jsonPointer + "/" + index;
    }

    /** {@code message (did you mean 'x'?)} when one candidate is close to {@code wrong}, else {@code message}. */
    public static String withSuggestion(String message, String wrong, Collection<String> candidates) {
        return didYouMean(wrong, candidates).map(s -> message + " (did you mean '" + s + "'?)").orElse(message);
    }

    /** The closest candidate by edit distance (case-insensitive), if it is close enough to be a typo. */
    public static Optional<String> didYouMean(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lowerWrong = wrong.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int distance = editDistance(lowerWrong, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(1, Math.min(3, wrong.length() / 3));
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps ("prot"). */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
