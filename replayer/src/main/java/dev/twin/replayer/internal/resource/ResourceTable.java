package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Binding;

import java.util.List;
import java.util.Objects;

/**
 * A resource {@code stateful: auto} made stateful: the table it keeps its rows in and the bindings derived for
 * its operations (those twin.yaml does not bind itself).
 *
 * @param table        the table's name
 * @param tableWritten the table is one twin.yaml writes (its name, or the table twin.yaml binds one of the
 *                     resource's operations to), so its conventions are twin.yaml's
 * @param bindings     the derived bindings, one per operation twin.yaml leaves unbound
 */
public record ResourceTable(String table, SpecResource resource, boolean tableWritten, List<Binding> bindings) {
    public ResourceTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(resource, "resource");
        bindings = List.copyOf(bindings);
    }

    /** Whether a derived binding performs this action. */
    public boolean does(Binding.Action action) {
        return bindings.stream().anyMatch(binding -> binding.action() == action);
    }
}
