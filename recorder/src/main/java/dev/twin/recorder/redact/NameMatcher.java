package dev.twin.recorder.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Case-insensitive name patterns where {@code *} stands for any run of characters (e.g. {@code *_token}). Names
 * without {@code *} are looked up in a set, so most header and field names cost one hash lookup, not a regex each.
 */
final class NameMatcher {
    private final Set<String> exactNames;
    private final List<Pattern> patterns;

    NameMatcher(Collection<String> names) {
        Set<String> exact = new HashSet<>();
        List<Pattern> compiled = new ArrayList<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.indexOf('*') < 0) {
                exact.add(lower);
            } else {
                compiled.add(Pattern.compile(Pattern.quote(lower).replace("*", "\\E.*\\Q")));
            }
        }
        this.exactNames = Set.copyOf(exact);
        this.patterns = List.copyOf(compiled);
    }

    boolean matches(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (exactNames.contains(lower)) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(lower).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Matches a form field name itself or any part of a bracketed name: {@code card[cvc]} matches "cvc". */
    boolean matchesField(String name) {
        if (matches(name)) {
            return true;
        }
        for (String part : name.split("[\\[\\]]+")) {
            if (!part.isEmpty() && matches(part)) {
                return true;
            }
        }
        return false;
    }
}
