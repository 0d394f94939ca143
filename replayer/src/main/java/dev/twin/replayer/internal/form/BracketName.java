package dev.twin.replayer.internal.form;

import java.util.ArrayList;
import java.util.List;

/**
 * The bracket syntax of form names as Rails, PHP and Stripe use it: {@code items[0][price]} is the path
 * {@code items, 0, price}; an empty pair {@code expand[]} means "append". A name that does not follow the
 * syntax (an unclosed bracket, text after a bracket) is one literal name.
 */
public final class BracketName {
    /** The segment standing for {@code []}. */
    public static final String APPEND = "";

    private BracketName() {
    }

    /** The path segments of {@code name}; the first is the root name. */
    public static List<String> segments(String name) {
        int open = name.indexOf('[');
        if (open <= 0) {
            return List.of(name);
        }
        List<String> segments = new ArrayList<>();
        segments.add(name.substring(0, open));
        int i = open;
        while (i < name.length()) {
            if (name.charAt(i) != '[') {
                return List.of(name);
            }
            int close = name.indexOf(']', i + 1);
            if (close < 0) {
                return List.of(name);
            }
            segments.add(name.substring(i + 1, close));
            i = close + 1;
        }
        return segments;
    }

    /** The root name: {@code items} for {@code items[0][price]}, the whole name when it has no valid brackets. */
    public static String root(String name) {
        int open = name.indexOf('[');
        if (open <= 0) {
            return name;
        }
        return segments(name).get(0);
    }

    /**
     * How many levels {@code name} nests, without splitting it: 1 for {@code email}, 3 for {@code items[0][price]}
     * (the number of {@link #segments} it has).
     */
    public static int depth(String name) {
        int open = name.indexOf('[');
        if (open <= 0) {
            return 1;
        }
        int depth = 1;
        int i = open;
        while (i < name.length()) {
            int close = name.charAt(i) == '[' ? name.indexOf(']', i + 1) : -1;
            if (close < 0) {
                return 1; // not bracket syntax: one literal name
            }
            depth++;
            i = close + 1;
        }
        return depth;
    }

    /** Writes a path back in bracket syntax: {@code [items, 0, price]} becomes {@code items[0][price]}. */
    public static String format(String root, List<?> path) {
        StringBuilder name = new StringBuilder(root);
        for (Object segment : path) {
            name.append('[').append(segment).append(']');
        }
        return name.toString();
    }
}
