package dev.twin.recorder.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case-insensitive name patterns where {@code *} stands for any run of characters (e.g. {@code *_token}). */
final class NameMatcher {
    private final List<Pattern> patterns;

    NameMatcher(Collection<String> names) {
        List<Pattern> compiled = new ArrayList<>();
        for (String name : names) {
            String regex = Pattern.quote(name.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
            compiled.add(Pattern.compile(regex));
        }
        this.patterns = List.copyOf(compiled);
    }

    boolean matches(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
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
