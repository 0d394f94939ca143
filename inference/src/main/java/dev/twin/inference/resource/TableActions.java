package dev.twin.inference.resource;

import dev.twin.inference.operation.OperationStats;
import dev.twin.replayer.config.Binding.Action;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A table's main actions: which operation lists, creates, reads, patches, replaces and deletes its rows. Keyed by
 * {@link Action} only (a map's {@code get(Object)} would take a misspelt string without a word), in the order of
 * the actions' twin.yaml names, the order twin.yaml lists a table's bindings in.
 */
public final class TableActions {
    private final TreeMap<Action, OperationStats> byAction = new TreeMap<>(Comparator.comparing(Action::yamlName));

    public OperationStats get(Action action) {
        return byAction.get(action);
    }

    public boolean containsKey(Action action) {
        return byAction.containsKey(action);
    }

    void put(Action action, OperationStats op) {
        byAction.put(action, op);
    }

    void remove(Action action) {
        byAction.remove(action);
    }

    public int size() {
        return byAction.size();
    }

    public boolean isEmpty() {
        return byAction.isEmpty();
    }

    public Set<Map.Entry<Action, OperationStats>> entrySet() {
        return java.util.Collections.unmodifiableSet(byAction.entrySet());
    }

    public Collection<OperationStats> values() {
        return java.util.Collections.unmodifiableCollection(byAction.values());
    }

    public void forEach(BiConsumer<Action, OperationStats> each) {
        byAction.forEach(each);
    }
}
