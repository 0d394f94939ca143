package dev.twin.inference.path;

import java.util.List;

/** A concrete request path matched to its template, with the path parameter values in order. */
public record PathMatch(PathTemplate template, List<String> values) {
    public PathMatch {
        values = List.copyOf(values);
    }

    public String lastValue() {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
