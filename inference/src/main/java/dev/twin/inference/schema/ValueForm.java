package dev.twin.inference.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form every value of a text field shares, as a regular expression: fixed-length groups of letters and digits
 * separated by the same characters ({@code XHPJITH-XRNZO5Y-…}, {@code 7F3A-91C0-BE42}), the groups drawn from the
 * narrowest common alphabet (digits, hex, base32, letters, alphanumerics) the characters seen make likely. Values of
 * varying length or layout, too short to say much, or that share most of their characters (written to a pattern, not
 * drawn) have no form.
 *
 * @param regex       the whole value's pattern, e.g. {@code [A-Z2-7]{7}(?:-[A-Z2-7]{7}){7}}
 * @param description what it says in words, for the report
 */
public record ValueForm(String regex, String description) {
    /** Shorter values (a name, a code) have too little structure to take a form from. */
    private static final int MIN_LENGTH = 8;
    /** A single group (no separator) must be at least this long: a token, not a word. */
    private static final int MIN_SINGLE_GROUP = 16;
    /**
     * A narrower alphabet is taken only when a value drawn from the next wider one would show none of its extra
     * characters in this many characters with a chance below this.
     */
    private static final double CHANCE = 0.001;
    /** At most this share of the characters may be the same in every value at the same place. */
    private static final double MAX_SHARED = 0.25;

    /** Alphabets from narrow to wide; a wider one contains every narrower one it is compared with. */
    private enum Alphabet {
        DIGITS("[0-9]", "0123456789"),
        LOWER_HEX("[0-9a-f]", "0123456789abcdef"),
        UPPER_HEX("[0-9A-F]", "0123456789ABCDEF"),
        LOWER("[a-z]", "abcdefghijklmnopqrstuvwxyz"),
        UPPER("[A-Z]", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        BASE32("[A-Z2-7]", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
        LOWER_ALNUM("[a-z0-9]", "abcdefghijklmnopqrstuvwxyz0123456789"),
        UPPER_ALNUM("[A-Z0-9]", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
        BASE62("[A-Za-z0-9]", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

        final String regex;
        final String chars;

        Alphabet(String regex, String chars) {
            this.regex = regex;
            this.chars = chars;
        }

        boolean holds(String text) {
            return text.chars().allMatch(c -> chars.indexOf(c) >= 0);
        }

        /** The narrowest alphabet strictly wider than this one, or null. */
        Alphabet wider() {
            Alphabet best = null;
            for (Alphabet other : values()) {
                if (other != this && other.holds(chars)
                        && (best == null || other.chars.length() < best.chars.length())) {
                    best = other;
                }
            }
            return best;
        }
    }

    /** One layout: the group lengths and the separators between them. */
    private record Layout(List<Integer> groups, List<String> separators) {
        static Layout of(String value) {
            List<Integer> groups = new ArrayList<>();
            List<String> separators = new ArrayList<>();
            int i = 0;
            while (i < value.length()) {
                int start = i;
                while (i < value.length() && isAlnum(value.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null; // starts with, or holds two, separators: no simple layout
                }
                groups.add(i - start);
                if (i < value.length()) {
                    if (isAlnum(value.charAt(i)) || i + 1 >= value.length()) {
                        return null;
                    }
                    separators.add(String.valueOf(value.charAt(i)));
                    i++;
                }
            }
            return groups.isEmpty() ? null : new Layout(groups, separators);
        }
    }

    /** The form all these values share, or empty when they have none worth stating (fewer than two, say). */
    public static Optional<ValueForm> of(Collection<String> values) {
        if (values.stream().distinct().count() < 2) {
            return Optional.empty();
        }
        Layout layout = null;
        StringBuilder seen = new StringBuilder();
        for (String value : values) {
            Layout own = value.length() < MIN_LENGTH ? null : Layout.of(value);
            if (own == null || layout != null && !layout.equals(own)) {
                return Optional.empty();
            }
            layout = own;
            value.chars().filter(ValueForm::isAlnum).forEach(c -> seen.append((char) c));
        }
        if (layout.groups().size() == 1 && layout.groups().get(0) < MIN_SINGLE_GROUP || !drawn(values)) {
            return Optional.empty();
        }
        Alphabet alphabet = alphabet(seen.toString());
        String regex = regex(layout, alphabet.regex);
        ValueForm form = new ValueForm(regex, layout.groups().size() + " group(s) of " + layout.groups()
                + " " + alphabet.regex + " characters" + (layout.separators().isEmpty() ? ""
                : " separated by " + String.join("", layout.separators().stream().distinct().toList())));
        // by construction every value matches; checked, since refusing a value the server accepted is the one
        // mistake this must never make
        Pattern compiled = Pattern.compile(regex);
        return values.stream().allMatch(v -> compiled.matcher(v).matches()) ? Optional.of(form) : Optional.empty();
    }

    /**
     * Whether the values look drawn (ids, keys), not written to a pattern: few characters are the same in every
     * value at the same place. Addresses made in a loop ({@code jenny0@acme.io}, {@code jenny1@acme.io}) share
     * their length and layout, but nearly every character too, and say nothing of the form the server checks.
     */
    private static boolean drawn(Collection<String> values) {
        String first = values.iterator().next();
        int shared = 0;
        int letters = 0;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (!isAlnum(c)) {
                continue;
            }
            letters++;
            int at = i;
            if (values.stream().allMatch(v -> v.charAt(at) == c)) {
                shared++;
            }
        }
        return shared <= letters * MAX_SHARED;
    }

    /** Whether a value has this form. */
    public boolean matches(String value) {
        return Pattern.compile(regex).matcher(value).matches();
    }

    private static Alphabet alphabet(String seen) {
        Alphabet narrowest = null;
        for (Alphabet a : Alphabet.values()) {
            if (a.holds(seen) && (narrowest == null || a.chars.length() < narrowest.chars.length())) {
                narrowest = a;
            }
        }
        Alphabet chosen = narrowest;
        Alphabet wider = chosen.wider();
        while (wider != null
                && Math.pow((double) chosen.chars.length() / wider.chars.length(), seen.length()) >= CHANCE) {
            chosen = wider;
            wider = chosen.wider();
        }
        return chosen;
    }

    /** {@code G{7}(?:-G{7}){7}} when every separator and later group repeat; else each group in turn. */
    private static String regex(Layout layout, String group) {
        List<Integer> groups = layout.groups();
        boolean repeated = groups.size() > 2 && layout.separators().stream().distinct().count() == 1
                && groups.stream().skip(1).distinct().count() == 1;
        if (repeated) {
            return group + "{" + groups.get(0) + "}(?:" + separator(layout.separators().get(0)) + group + "{"
                    + groups.get(1) + "}){" + (groups.size() - 1) + "}";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.append(separator(layout.separators().get(i - 1)));
            }
            out.append(group).append('{').append(groups.get(i)).append('}');
        }
        return out.toString();
    }

    private static String separator(String s) {
        char c = s.charAt(0);
        return c == '-' || c == '_' || c == ':' || c == '/' || c == '@' || c == ' ' ? s : Pattern.quote(s);
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean isAlnum(int c) {
        return isAlnum((char) c);
    }
}
