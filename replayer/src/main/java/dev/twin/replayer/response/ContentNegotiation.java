package dev.twin.replayer.response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Picks the documented media type that best fits an {@code Accept} header (RFC 9110 q-values, wildcards). */
final class ContentNegotiation {
    private ContentNegotiation() {
    }

    /** @return the chosen media type from {@code available} (in documented order), or null when none is acceptable */
    static String choose(String accept, List<String> available) {
        if (available.isEmpty()) {
            return null;
        }
        if (accept == null || accept.isBlank()) {
            return preferJson(available);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            Range range = Range.parse(part);
            if (range != null) {
                ranges.add(range);
            }
        }
        ranges.sort(Comparator.comparingDouble((Range r) -> -r.quality).thenComparingInt(r -> -r.specificity()));
        for (Range range : ranges) {
            if (range.quality <= 0) {
                continue;
            }
            if (range.type.equals("*/*")) {
                return preferJson(available);
            }
            for (String candidate : available) {
                if (range.matches(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String preferJson(List<String> available) {
        for (String candidate : available) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (lower.equals("application/json") || lower.endsWith("+json")) {
                return candidate;
            }
        }
        return available.get(0);
    }

    private record Range(String type, double quality) {
        static Range parse(String text) {
            String[] parts = text.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                return null;
            }
            if (type.equals("*")) {
                type = "*/*";
            }
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            return new Range(type, q);
        }

        int specificity() {
            return type.equals("*/*") ? 0 : type.endsWith("/*") ? 1 : 2;
        }

        boolean matches(String candidate) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            int semicolon = lower.indexOf(';');
            if (semicolon >= 0) {
                lower = lower.substring(0, semicolon).trim();
            }
            if (type.endsWith("/*")) {
                return lower.startsWith(type.substring(0, type.length() - 1));
            }
            return lower.equals(type) || candidate.equals("*/*") || (candidate.endsWith("/*")
                    && type.startsWith(lower.substring(0, lower.length() - 1)));
        }
    }
}
