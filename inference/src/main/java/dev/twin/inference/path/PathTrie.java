package dev.twin.inference.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every concrete request path seen, as a tree of segments with the methods used at each end, and what the answers
 * said about each segment: whether they held its value (a name the client chose) and whether anything under it
 * was ever found.
 */
public final class PathTrie {
    final TreeMap<String, PathTrie> children = new TreeMap<>();
    final TreeSet<String> methods = new TreeSet<>();
    /** Answer fields that held this segment's value ({@code /vhosts/shop} answered {@code "name": "shop"}). */
    final TreeSet<String> echoedAs = new TreeSet<>();
    /** A PUT to exactly this path answered 201: the client named a row it created. */
    boolean createdHere;
    /** Exchanges through this segment answered other than 404, and 404. */
    long found;
    long notFound;

    public void add(String method, String path) {
        add(method, path, 200, List.of());
    }

    /**
     * @param status the answer's status
     * @param echoes per segment index, the answer field that held the segment's value, or null
     */
    public void add(String method, String path, int status, List<String> echoes) {
        PathTrie node = this;
        List<String> segments = segments(path);
        for (int i = 0; i < segments.size(); i++) {
            node = node.children.computeIfAbsent(segments.get(i), s -> new PathTrie());
            if (i < echoes.size() && echoes.get(i) != null) {
                node.echoedAs.add(echoes.get(i));
            }
            if (status == 404) {
                node.notFound++;
            } else {
                node.found++;
            }
        }
        node.methods.add(method);
        if (status == 201 && method.equals("PUT")) {
            node.createdHere = true;
        }
    }

    /** Folds another subtree into this one (used when sibling values turn out to be one variable). */
    void mergeFrom(PathTrie other) {
        methods.addAll(other.methods);
        echoedAs.addAll(other.echoedAs);
        createdHere |= other.createdHere;
        found += other.found;
        notFound += other.notFound;
        for (Map.Entry<String, PathTrie> child : other.children.entrySet()) {
            children.computeIfAbsent(child.getKey(), s -> new PathTrie()).mergeFrom(child.getValue());
        }
    }

    /** The segments of every path the client created by name ({@link #createdHere}), wherever they sit. */
    void collectCreatedNames(java.util.Set<String> into) {
        children.forEach((segment, child) -> {
            if (child.createdHere) {
                into.add(segment);
            }
            child.collectCreatedNames(into);
        });
    }

    public boolean isEmpty() {
        return children.isEmpty() && methods.isEmpty();
    }

    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }
}
