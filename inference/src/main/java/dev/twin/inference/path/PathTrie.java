package dev.twin.inference.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every concrete request path seen, as a tree of segments with the methods used at each end. */
public final class PathTrie {
    final TreeMap<String, PathTrie> children = new TreeMap<>();
    final TreeSet<String> methods = new TreeSet<>();

    public void add(String method, String path) {
        PathTrie node = this;
        for (String segment : segments(path)) {
            node = node.children.computeIfAbsent(segment, s -> new PathTrie());
        }
        node.methods.add(method);
    }

    /** Folds another subtree into this one (used when sibling values turn out to be one variable). */
    void mergeFrom(PathTrie other) {
        methods.addAll(other.methods);
        for (Map.Entry<String, PathTrie> child : other.children.entrySet()) {
            children.computeIfAbsent(child.getKey(), s -> new PathTrie()).mergeFrom(child.getValue());
        }
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
