package dev.twin.replayer.internal.state;

import java.util.Objects;

/**
 * One row of a tenant as the shared store keeps it: {@code table NUL id} and the row's encoded state (its data,
 * times, kind and creation position, as the {@code --state} file keeps it), or null when the tenant no longer has
 * it.
 */
public record StoredRow(String key, String value) {
    public StoredRow {
        Objects.requireNonNull(key, "key");
    }
}
