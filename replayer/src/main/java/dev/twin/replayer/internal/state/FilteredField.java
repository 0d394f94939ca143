package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A stored field lists filter a table by, to be indexed, and the value a listed row shows for it when the stored
 * row lacks it (a constant default the provider answers for every row, such as Stripe's {@code customer: null}), or
 * null when such a row shows no such field.
 */
public record FilteredField(String name, JsonNode whenAbsent) {
    public FilteredField {
        Objects.requireNonNull(name, "name");
        whenAbsent = whenAbsent == null ? null : whenAbsent.deepCopy();
    }
}
