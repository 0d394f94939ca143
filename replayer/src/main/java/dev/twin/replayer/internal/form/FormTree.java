package dev.twin.replayer.internal.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The untyped tree that bracket names describe, before any schema is applied: values, named children
 * ({@code a[b]}, {@code items[0]}) and appended elements ({@code expand[]}). Insertion follows Rack: in
 * {@code items[][price]=1&items[][qty]=2} both fields land in the same element until a field repeats.
 */
final class FormTree {
    private FormTree() {
    }

    sealed interface Node permits Values, Branch, Sequence {
    }

    /** One or more values sent for the same name. */
    record Values(List<String> values) implements Node {
    }

    /** Named children in order of first appearance. */
    record Branch(Map<String, Node> children) implements Node {
    }

    /** Elements appended with {@code []}. */
    record Sequence(List<Node> elements) implements Node {
    }

    static Branch newBranch() {
        return new Branch(new LinkedHashMap<>());
    }

    /** Adds {@code value} under the path {@code segments[from..]} of {@code branch}'s child {@code segments[from]}. */
    static void put(Branch branch, List<String> segments, int from, String value) {
        String key = segments.get(from);
        branch.children().put(key, insert(branch.children().get(key), segments, from + 1, value));
    }

    /** Returns the node that replaces {@code current} once {@code value} is added at {@code segments[index..]}. */
    private static Node insert(Node current, List<String> segments, int index, String value) {
        if (index == segments.size()) {
            if (current instanceof Values values) {
                values.values().add(value);
                return values;
            }
            // a later plain value replaces nested fields sent earlier under the same name (last one wins)
            List<String> values = new ArrayList<>(2);
            values.add(value);
            return new Values(values);
        }
        String segment = segments.get(index);
        if (BracketName.APPEND.equals(segment)) {
            Sequence sequence = current instanceof Sequence existing ? existing : new Sequence(new ArrayList<>());
            List<Node> elements = sequence.elements();
            if (index + 1 == segments.size()) {
                elements.add(insert(null, segments, index + 1, value));
                return sequence;
            }
            String nextKey = segments.get(index + 1);
            Node last = elements.isEmpty() ? null : elements.get(elements.size() - 1);
            if (last instanceof Branch open && !BracketName.APPEND.equals(nextKey)
                    && !open.children().containsKey(nextKey)) {
                put(open, segments, index + 1, value);
            } else {
                Branch fresh = newBranch();
                put(fresh, segments, index + 1, value);
                elements.add(fresh);
            }
            return sequence;
        }
        Branch branch = current instanceof Branch existing ? existing : newBranch();
        put(branch, segments, index, value);
        return branch;
    }
}
