package dev.twin.replayer.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Expression;
import dev.twin.replayer.config.Lifecycle;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.convention.ExpressionRow;
import dev.twin.replayer.convention.PlainValues;
import dev.twin.replayer.convention.RowShaper;
import dev.twin.replayer.convention.TableConventions;
import dev.twin.replayer.convention.TimeVariable;
import dev.twin.replayer.state.ChangeListener;
import dev.twin.replayer.state.CommitHook;
import dev.twin.replayer.state.Row;
import dev.twin.replayer.state.RowChange;
import dev.twin.replayer.state.StateStore;
import dev.twin.replayer.state.TenantTables;
import dev.twin.replayer.time.TwinClock;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the configured {@code lifecycles:}. Before a transaction commits it sets the fields of each state a row
 * enters ({@code enter}); after it commits it schedules each row that entered a state something leaves, for when
 * the first transition out of it may be due. A due row is moved in a transaction of its own: the first transition
 * out of its state (file order) whose {@code when} holds on the row as it is then, once its {@code after} has
 * passed since the row entered the state. A row found in another state than it was scheduled in, or gone, is left
 * alone.
 *
 * <p>Time: with the system clock a timer thread applies transitions when they are due; {@link #advance} moves the
 * {@link TwinClock} ahead through each due instant in turn, so that each change is stamped with the time it was due
 * and a chain of transitions completes within one advance. Scheduled rows live in memory: they are found again
 * in the tables when the twin starts, from each row's state and last update.
 */
public final class LifecycleEngine implements ChangeListener, CommitHook, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LifecycleEngine.class.getName());

    private final StateStore store;
    private final TwinClock clock;
    private final DueRows due = new DueRows();
    /** One processor at a time: the timer or an advance. */
    private final Object processing = new Object();
    private volatile Map<String, List<CompiledLifecycle>> byTable = Map.of();
    private volatile Map<String, CompiledLifecycle> byName = Map.of();
    /** Every table's shaper, for the rows an {@code enter} updates. */
    private volatile Map<String, RowShaper> shapers = Map.of();
    private boolean rescanned;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> alarm;
    private long alarmAt = Long.MAX_VALUE;
    private boolean closed;

    public LifecycleEngine(StateStore store, TwinClock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TwinClock clock() {
        return clock;
    }

    /** The lifecycles of a (re)loaded configuration; on the first, rows already in the tables are scheduled. */
    public void install(TwinConfig config) {
        Map<String, List<CompiledLifecycle>> tables = new HashMap<>();
        Map<String, CompiledLifecycle> names = new HashMap<>();
        Map<String, TableConfig> tableConfigs = new HashMap<>();
        config.tables().forEach(table -> tableConfigs.put(table.name(), table));
        Map<String, RowShaper> allShapers = new HashMap<>();
        List<String> stored = store.tableNames();
        for (Lifecycle lifecycle : config.sandbox().lifecycles()) {
            TableConfig table = tableConfigs.get(lifecycle.table());
            if (table == null || !stored.contains(table.name())) {
                continue; // a table the store does not hold (a reload added it): nothing to move
            }
            CompiledLifecycle compiled = CompiledLifecycle.of(lifecycle, TableConventions.of(table).shaper());
            tables.computeIfAbsent(lifecycle.table(), name -> new ArrayList<>()).add(compiled);
            names.put(lifecycle.name(), compiled);
        }
        tables.replaceAll((table, lifecycles) -> List.copyOf(lifecycles));
        if (!names.isEmpty()) {
            config.tables().stream().filter(table -> stored.contains(table.name()))
                    .forEach(table -> allShapers.put(table.name(), TableConventions.of(table).shaper()));
        }
        shapers = Map.copyOf(allShapers);
        byTable = Map.copyOf(tables);
        byName = Map.copyOf(names);
        due.removeIf(key -> !names.containsKey(key.lifecycle()));
        boolean first;
        synchronized (this) {
            first = !rescanned;
            rescanned = true;
        }
        if (first && !names.isEmpty()) {
            scheduleStoredRows();
        }
        wake();
    }

    /** Rows waiting for a transition. */
    public int pending() {
        return due.size();
    }

    /** Forgets what rows of {@code tenant} (null: every tenant) in {@code table} (null: every table) wait for. */
    public void forget(String tenant, String table) {
        due.removeIf(key -> (tenant == null || key.tenant().equals(tenant))
                && (table == null || key.table().equals(table)));
    }

    // ---- before commit: what entering a state does

    /**
     * Applies the {@code enter} of each state a row enters in this transaction, and of each state the rows it
     * updates enter in turn (a conference that completes completes its calls, whose recordings complete), each
     * (row, state) once, at most {@value #MAX_ENTER_ROUNDS} rounds deep.
     */
    @Override
    public void beforeCommit(TenantTables tables) {
        Map<String, List<CompiledLifecycle>> current = byTable;
        if (current.isEmpty()) {
            return;
        }
        java.util.Set<String> entered = new java.util.HashSet<>();
        List<RowChange> round = tables.pendingChanges();
        for (int depth = 0; depth < MAX_ENTER_ROUNDS; depth++) {
            boolean any = false;
            for (RowChange change : round) {
                if (change.after() == null) {
                    continue;
                }
                for (CompiledLifecycle lifecycle : current.getOrDefault(change.table(), List.of())) {
                    any |= enter(tables, lifecycle, change, entered);
                }
            }
            if (!any) {
                return;
            }
            round = tables.pendingChanges();
        }
    }

    private static final int MAX_ENTER_ROUNDS = 8;

    /** True when the change put its row into a state with an {@code enter} (applied now). */
    private boolean enter(TenantTables tables, CompiledLifecycle lifecycle, RowChange change,
                          java.util.Set<String> entered) {
        RowShaper shaper = lifecycle.shaper();
        Row row = tables.get(change.table(), change.id()).orElse(null);
        if (row == null) {
            return false;
        }
        String state = ExpressionRow.text(shaper, row, lifecycle.field());
        String previous = change.before() == null ? null : ExpressionRow.text(shaper, change.before(), lifecycle.field());
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
        if (!entry.set().isEmpty() && apply(entry.set(), variables, shaper, row, data, where)) {
            tables.replace(change.table(), change.id(), data);
        }
        for (Lifecycle.Update update : entry.update()) {
            try {
                cascade(tables, update, variables);
            } catch (JexlException e) {
                LOG.log(System.Logger.Level.WARNING, "lifecycles: " + where + ".update of " + update.table()
                        + " at " + update.location() + " could not be evaluated for row '" + row.id() + "': "
                        + e.getMessage());
            }
        }
        return true;
    }

    /** Sets fields of, or deletes, the rows of another table that {@code update.where} finds. */
    private void cascade(TenantTables tables, Lifecycle.Update update, MapContext variables) {
        RowShaper shaper = shapers.get(update.table());
        if (shaper == null) {
            return;
        }
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
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
            if (apply(update.set(), variables, shaper, target, data, "update of " + update.table())) {
                tables.replace(update.table(), target.id(), data);
            }
        }
    }

    /** Evaluates each field's expression into {@code data}; false (logged) when one cannot be evaluated. */
    private static boolean apply(Map<String, Expression> set, MapContext variables, RowShaper shaper, Row row,
                                 ObjectNode data, String where) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        try {
            for (Map.Entry<String, Expression> field : set.entrySet()) {
                values.put(field.getKey(), field.getValue().evaluate(variables));
            }
        } catch (JexlException e) {
            LOG.log(System.Logger.Level.WARNING, "lifecycles: " + where + " could not be evaluated for row '"
                    + row.id() + "': " + e.getMessage());
            return false;
        }
        values.forEach((field, value) -> data.set(ExpressionRow.storedName(shaper, row, field),
                PlainValues.toJson(value)));
        return true;
    }

    // ---- after commit: schedule rows that entered a state something leaves

    @Override
    public void committed(String tenant, List<RowChange> changes) {
        Map<String, List<CompiledLifecycle>> current = byTable;
        if (current.isEmpty()) {
            return;
        }
        boolean scheduled = false;
        for (RowChange change : changes) {
            for (CompiledLifecycle lifecycle : current.getOrDefault(change.table(), List.of())) {
                DueRows.Key key = new DueRows.Key(tenant, lifecycle.name(), change.table(), change.id());
                if (change.after() == null) {
                    due.remove(key);
                    continue;
                }
                String state = ExpressionRow.text(lifecycle.shaper(), change.after(), lifecycle.field());
                String previous = change.before() == null ? null
                        : ExpressionRow.text(lifecycle.shaper(), change.before(), lifecycle.field());
                if (state == null) {
                    due.remove(key);
                } else if (!state.equals(previous)) {
                    scheduled |= schedule(key, lifecycle, state, change.after().updatedAtMillis());
                }
            }
        }
        if (scheduled) {
            wake();
        }
    }

    private boolean schedule(DueRows.Key key, CompiledLifecycle lifecycle, String state, long enteredAt) {
        long first = lifecycle.firstCheckAfterMillis(state);
        if (first < 0) {
            due.remove(key);
            return false;
        }
        due.put(key, state, enteredAt, enteredAt + first);
        return true;
    }

    /** After a restart, rows the state file kept in a state something leaves wait again (from their last update). */
    private void scheduleStoredRows() {
        for (String tenant : store.tenants()) {
            store.inTransaction(tenant, tables -> {
                byTable.forEach((table, lifecycles) -> {
                    for (Row row : tables.list(table)) {
                        for (CompiledLifecycle lifecycle : lifecycles) {
                            String state = ExpressionRow.text(lifecycle.shaper(), row, lifecycle.field());
                            if (state != null) {
                                schedule(new DueRows.Key(tenant, lifecycle.name(), table, row.id()), lifecycle,
                                        state, row.updatedAtMillis());
                            }
                        }
                    }
                });
                return null;
            });
        }
    }

    // ---- moving rows on

    /**
     * Moves the clock ahead by {@code duration}, through each instant a row is due at, applying the transitions in
     * time order (one that a transition makes due within the duration is applied too).
     *
     * @return how many transitions were applied
     */
    public int advance(Duration duration) {
        synchronized (processing) {
            long target = clock.millis() + duration.toMillis();
            int applied = 0;
            while (true) {
                OptionalLong next = due.earliest();
                if (next.isEmpty() || next.getAsLong() > target) {
                    break;
                }
                clock.advanceTo(next.getAsLong());
                applied += runDue(Math.max(next.getAsLong(), clock.millis()));
            }
            clock.advanceTo(target);
            applied += runDue(clock.millis());
            wake();
            return applied;
        }
    }

    /** Applies every transition due at or before {@code now}; the caller holds {@link #processing}. */
    private int runDue(long now) {
        int applied = 0;
        DueRows.Due next;
        while ((next = due.pollDue(now)) != null) {
            try {
                applied += step(next) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "lifecycles: moving row '" + next.key().id() + "' of "
                        + next.key().table() + " on failed: " + e);
            }
        }
        return applied;
    }

    /** Looks at one due row; true when a transition moved it. */
    private boolean step(DueRows.Due scheduled) {
        CompiledLifecycle lifecycle = byName.get(scheduled.key().lifecycle());
        if (lifecycle == null) {
            return false;
        }
        long[] recheckAt = {-1};
        boolean moved = store.inTransaction(scheduled.key().tenant(), tables -> {
            Row row = tables.get(lifecycle.table(), scheduled.key().id()).orElse(null);
            RowShaper shaper = lifecycle.shaper();
            if (row == null || !scheduled.state().equals(ExpressionRow.text(shaper, row, lifecycle.field()))) {
                return false;
            }
            long now = tables.nowMillis();
            MapContext variables = new MapContext();
            variables.set("row", ExpressionRow.of(shaper, row));
            variables.set("time", TimeVariable.of(now));
            Lifecycle.Transition chosen = choose(lifecycle, scheduled.state(), variables, row);
            if (chosen == null) {
                return false;
            }
            long at = scheduled.enteredAt() + chosen.after().toMillis();
            if (at > now) {
                recheckAt[0] = at;
                return false;
            }
            ObjectNode data = row.data();
            data.put(ExpressionRow.storedName(shaper, row, lifecycle.field()), chosen.to());
            if (!apply(chosen.set(), variables, shaper, row, data, lifecycle.name() + " " + scheduled.state()
                    + " -> " + chosen.to())) {
                return false;
            }
            tables.replace(lifecycle.table(), row.id(), data);
            return true;
        });
        if (recheckAt[0] >= 0) {
            due.putIfAbsent(scheduled.key(), scheduled.state(), scheduled.enteredAt(), recheckAt[0]);
        }
        return moved;
    }

    private static Lifecycle.Transition choose(CompiledLifecycle lifecycle, String state, MapContext variables,
                                               Row row) {
        for (Lifecycle.Transition transition : lifecycle.leaving(state)) {
            try {
                if (transition.when() == null || Boolean.TRUE.equals(transition.when().evaluate(variables))) {
                    return transition;
                }
            } catch (JexlException e) {
                LOG.log(System.Logger.Level.WARNING, "lifecycles: " + lifecycle.name() + " when at "
                        + transition.location() + " could not be evaluated for row '" + row.id() + "': "
                        + e.getMessage());
            }
        }
        return null;
    }

    // ---- the timer (system clock only)

    /** Arms the timer for the earliest due row, when time runs by itself. */
    private void wake() {
        if (!clock.runs()) {
            return;
        }
        OptionalLong earliest = due.earliest();
        if (earliest.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (closed || earliest.getAsLong() >= alarmAt) {
                return;
            }
            if (alarm != null) {
                alarm.cancel(false);
            }
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "twin-lifecycles");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            alarmAt = earliest.getAsLong();
            long delay = Math.max(0, alarmAt - clock.millis());
            alarm = timer.schedule(this::ring, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void ring() {
        synchronized (this) {
            alarmAt = Long.MAX_VALUE;
            alarm = null;
        }
        try {
            synchronized (processing) {
                runDue(clock.millis());
            }
        } finally {
            wake();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
