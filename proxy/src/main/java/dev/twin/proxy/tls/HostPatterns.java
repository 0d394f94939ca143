package dev.twin.proxy.tls;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host name globs such as {@code *.example.com} or {@code api.*}; {@code *} matches any run of characters. */
public final class HostPatterns {
    private final List<Pattern> patterns;

    private HostPatterns(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Patterns matching every host. */
    public static HostPatterns all() {
        return of(List.of("*"));
    }

    public static HostPatterns of(List<String> globs) {
        return new HostPatterns(globs.stream().map(HostPatterns::compile).toList());
    }

    public boolean matches(String host) {
        String normalized = host.toLowerCase(Locale.ROOT);
        for (Pattern pattern : patterns) {
            if (pattern.matcher(normalized).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String glob) {
        String[] literals = glob.toLowerCase(Locale.ROOT).split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
