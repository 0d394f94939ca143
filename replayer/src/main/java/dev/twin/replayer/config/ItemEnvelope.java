package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code conventions.itemEnvelope}: the answers of a table's item operations put the row under one member of an
 * object ({@code field}), with constant members beside it that differ per operation: etcd's
 * {@code {"action": "get", "node": {...}}}, Rails' {@code {"user": {...}}}, JSON:API's {@code {"data": {...}}}.
 * A request body wrapped the same way ({@code {"user": {...}}}) is stored unwrapped.
 *
 * @param field       the member holding the row
 * @param actions     the actions whose answers are wrapped (every item action unless written)
 * @param extraFields per action ({@code get}, {@code create}, {@code patch}, {@code update}, {@code delete}), the
 *                    constant members answered before the row, in order; an action not named has none
 * @param previous    per write of an existing row ({@code patch}, {@code update}, {@code delete}), the member its
 *                    answer shows the row as it was before the write in (etcd's {@code prevNode})
 */
public record ItemEnvelope(String field, Set<Binding.Action> actions, Map<Binding.Action, ObjectNode> extraFields,
                           Map<Binding.Action, String> previous) {
    /** The actions that write an existing row, whose answers may show it as it was. */
    public static final Set<Binding.Action> REWRITING_ACTIONS = Set.of(Binding.Action.PATCH, Binding.Action.UPDATE,
            Binding.Action.DELETE);

    /** The actions whose answers are one row. */
    public static final Set<Binding.Action> ITEM_ACTIONS = Set.of(Binding.Action.GET, Binding.Action.CREATE,
            Binding.Action.PATCH, Binding.Action.UPDATE, Binding.Action.DELETE);

    public ItemEnvelope {
        Objects.requireNonNull(field, "field");
        actions = Set.copyOf(actions);
        extraFields = Map.copyOf(extraFields);
        previous = Map.copyOf(previous);
    }

    /** Whether the action's answers are wrapped. */
    public boolean wraps(Binding.Action action) {
        return actions.contains(action);
    }

    /** The member an action's answer shows the row as it was before the write in, or null. */
    public String previous(Binding.Action action) {
        return previous.get(action);
    }

    /** The constant members an action's answer carries beside the row, or null when it has none. */
    public ObjectNode extraFields(Binding.Action action) {
        return extraFields.get(action);
    }
}
