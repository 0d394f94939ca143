package dev.twin.replayer.internal.form;

import java.util.Objects;

/** One {@code name=value} pair of a form body or query string, percent-decoded; the name keeps its brackets. */
public record FormPair(String name, String value) {
    public FormPair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The part of the name before the first bracket: {@code items} for {@code items[0][price]}. */
    public String rootName() {
        return BracketName.root(name);
    }
}
