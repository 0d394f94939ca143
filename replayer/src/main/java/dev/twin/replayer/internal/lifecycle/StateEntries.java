package dev.twin.replayer.internal.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Lifecycle;
import dev.twin.replayer.internal.convention.ExpressionRow;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TimeVariable;
import dev.twin.replayer.internal.state.CommitHook;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.RowChange;
import dev.twin.replayer.internal.state.TenantTables;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What entering a state does ({@code lifecycles[].enter}), in the transaction that puts the row there, before it
 * commits: the row's own fields, and rows of other tables set or deleted — and what entering their states does in
 * turn (a conference that completes completes its calls, whose recordings complete), each row and state once, at
 * most {@value #MAX_ROUNDS} rounds deep.
 */
final class StateEntries implements CommitHook {
    private static final System.Logger LOG = System.getLogger(StateEntries.class.getName());
    private static final int MAX_ROUNDS = 8;

    private final Supplier<CompiledLifecycles> lifecycles;

    StateEntries(Supplier<CompiledLifecycles> lifecycles) {
        this.lifecycles = lifecycles;
    }

    @Override
    public void beforeCommit(TenantTables tables) {
        CompiledLifecycles current = lifecycles.get();
        if (current.isEmpty()) {
            return;
        }
        Set<String> entered = new HashSet<>();
        List<RowChange> round = tables.pendingChanges();
        for (int depth = 0; depth < MAX_ROUNDS; depth++) {
            boolean any = false;
            for (RowChange change : round) {
                if (change.after() != null) {
                    for (CompiledLifecycle lifecycle : current.of(change.table())) {
                        any |= enter(tables, current, lifecycle, change, entered);
                    }
                }
            }
            if (!any) {
                return;
            }
            round = tables.pendingChanges();
        }
    }

    /** True when the change put its row into a state with an {@code enter} (applied now). */
    private static boolean enter(TenantTables tables, CompiledLifecycles current, CompiledLifecycle lifecycle,
                                 RowChange change, Set<String> entered) {
        RowShaper shaper = lifecycle.shaper();
        Row row = tables.get(change.table(), change.id()).orElse(null);
        if (row == null) {
            return false;
        }
        String state = ExpressionRow.text(shaper, row, lifecycle.field());
        String previous = change.before() == null ? null
                : ExpressionRow.text(shaper, change.before(), lifecycle.field());
        Lifecycle.Entry entry = state == null || state.equals(previous) ? null : lifecycle.config().enter().get(state);
        if (entry == null || !entered.add(lifecycle.name() + "\u0000" + row.id() + "\u0000" + state)) {
            return false;
        }
        MapContext variables = new MapContext();
        variables.set("row", ExpressionRow.of(shaper, row));
        variables.set("before", change.before() == null ? null : ExpressionRow.of(shaper, change.before()));
        variables.set("time", TimeVariable.of(tables.nowMillis()));
        String where = lifecycle.name() + ".enter." + state;
        ObjectNode data = row.data();
        if (!entry.set().isEmpty() && FieldWrites.apply(entry.set(), variables, shaper, row, data, where)) {
            tables.replace(change.table(), change.id(), data);
        }
        for (Lifecycle.Update update : entry.update()) {
            try {
                update(tables, current.shapers().get(update.table()), update, variables);
            } catch (JexlException e) {
                LOG.log(System.Logger.Level.WARNING, "lifecycles: " + where + ".update of " + update.table()
                        + " at " + update.location() + " could not be evaluated for row '" + row.id() + "': "
                        + e.getMessage());
            }
        }
        return true;
    }

    /** Sets fields of, or deletes, the rows of another table {@code update.where} finds (a walk of that table). */
    private static void update(TenantTables tables, RowShaper shaper, Lifecycle.Update update, MapContext variables) {
        if (shaper == null) {
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        update.where().forEach((field, expression) -> {
            Object value = expression.evaluate(variables);
            wanted.put(field, value == null ? null : String.valueOf(value));
        });
        for (Row target : tables.list(update.table())) {
            boolean matches = true;
            for (Map.Entry<String, String> field : wanted.entrySet()) {
                matches &= Objects.equals(ExpressionRow.text(shaper, target, field.getKey()), field.getValue());
            }
            if (!matches) {
                continue;
            }
            if (update.delete()) {
                tables.delete(update.table(), target.id());
                continue;
            }
            variables.set("target", ExpressionRow.of(shaper, target));
            ObjectNode data = target.data();
            if (FieldWrites.apply(update.set(), variables, shaper, target, data, "update of " + update.table())) {
                tables.replace(update.table(), target.id(), data);
            }
        }
    }
}
