package dev.twin.replayer.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code lifecycles:}: a state machine over one field of a table's rows. {@code transitions} move a
 * row on by themselves once it has been in a state long enough; {@code enter} sets fields in the same transaction
 * that puts a row into a state, whatever put it there (a create, an update, a custom operation, a transition).
 *
 * @param field the field holding the state, as the row shows it ({@code status})
 * @param enter what entering a state does, by state
 */
public record Lifecycle(String name, String table, String field, List<Transition> transitions,
                        Map<String, Entry> enter, SourceLocation location) {
    public Lifecycle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(field, "field");
        transitions = List.copyOf(transitions);
        enter = Merging.copy(enter);
    }

    /** Variables of a transition's {@code when} and {@code set}. */
    public static final List<String> TRANSITION_VARIABLES = List.of("row", "time");
    /** Variables of an {@code enter} state's {@code set}, and of its updates' {@code where}. */
    public static final List<String> ENTER_VARIABLES = List.of("row", "before", "time");
    /** Variables of an {@code enter} update's {@code set}: {@code target} is the row it updates. */
    public static final List<String> UPDATE_VARIABLES = List.of("row", "before", "time", "target");

    /**
     * What a row entering a state does, in the transaction that puts it there.
     *
     * @param set    field (as shown) → expression: the row's own fields
     * @param update rows of other tables changed with it (a call that completes completes its recordings)
     */
    public record Entry(Map<String, Expression> set, List<Update> update) {
        public Entry {
            set = Merging.copy(set);
            update = List.copyOf(update);
        }
    }

    /**
     * The rows of {@code table} whose fields equal each {@code where} value get {@code set} (over {@code target},
     * the row updated), or are deleted.
     */
    public record Update(String table, Map<String, Expression> where, Map<String, Expression> set, boolean delete,
                         SourceLocation location) {
        public Update {
            Objects.requireNonNull(table, "table");
            where = Merging.copy(where);
            set = Merging.copy(set);
        }
    }

    /**
     * A row whose field has held one of {@code from} for {@code after} moves to {@code to}, with {@code set}
     * applied, when {@code when} (if any) holds then. Of the transitions out of a state, the first (file order)
     * whose {@code when} holds is the one taken.
     */
    public record Transition(List<String> from, String to, java.time.Duration after, Expression when,
                             Map<String, Expression> set, SourceLocation location) {
        public Transition {
            from = List.copyOf(from);
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(after, "after");
            set = Merging.copy(set);
        }
    }
}
