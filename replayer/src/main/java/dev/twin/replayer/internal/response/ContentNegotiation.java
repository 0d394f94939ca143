package dev.twin.replayer.internal.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the documented media type that best fits an {@code Accept} header, as RFC 9110 section 12.5.1 reads it:
 * each documented type gets the quality of the most specific range that matches it ({@code application/xml} over
 * {@code application/*} over {@code *}{@code /*}); {@code q=0} refuses a type; the highest quality wins, then the
 * more specific match, then JSON among types a wildcard let in, then the documented order.
 */
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
        String best = null;
        double bestQuality = 0;
        int bestSpecificity = -1;
        boolean bestJson = false;
        for (String candidate : available) {
            String essence = essence(candidate);
            Range match = null;
            for (Range range : ranges) {
                if (range.matches(essence) && (match == null || range.specificity() > match.specificity())) {
                    match = range;
                }
            }
            if (match == null || match.quality() <= 0) {
                continue;
            }
            boolean json = isJson(essence);
            boolean better = match.quality() > bestQuality
                    || match.quality() == bestQuality && (match.specificity() > bestSpecificity
                    || match.specificity() == bestSpecificity && match.specificity() < Range.EXACT && json
                    && !bestJson);
            if (best == null || better) {
                best = candidate;
                bestQuality = match.quality();
                bestSpecificity = match.specificity();
                bestJson = json;
            }
        }
        return best;
    }

    /** The first JSON type documented, else the first documented: what a client that states no preference gets. */
    static String preferJson(List<String> available) {
        for (String candidate : available) {
            if (isJson(essence(candidate))) {
                return candidate;
            }
        }
        return available.get(0);
    }

    private static boolean isJson(String essence) {
        return essence.equals("application/json") || essence.endsWith("+json");
    }

    private static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** One media range of an Accept header: {@code type/subtype}, {@code type/*} or {@code *}{@code /*}. */
    private record Range(String type, double quality) {
        static final int EXACT = 2;

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
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            return new Range(type, q);
        }

        int specificity() {
            return type.equals("*/*") ? 0 : type.endsWith("/*") ? 1 : EXACT;
        }

        /** Whether this range admits a documented media type (itself possibly a range such as {@code image/*}). */
        boolean matches(String documented) {
            if (type.equals("*/*") || documented.equals("*/*") || type.equals(documented)) {
                return true;
            }
            if (type.endsWith("/*") && documented.startsWith(type.substring(0, type.length() - 1))) {
                return true;
            }
            return documented.endsWith("/*") && type.startsWith(documented.substring(0, documented.length() - 1));
        }
    }
}
