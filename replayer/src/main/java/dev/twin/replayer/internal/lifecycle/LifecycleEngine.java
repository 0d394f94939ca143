package dev.twin.replayer.internal.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Lifecycle;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.convention.ExpressionRow;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TimeVariable;
import dev.twin.replayer.internal.state.ChangeListener;
import dev.twin.replayer.internal.state.CommitHook;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.RowChange;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.time.TwinClock;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Runs the configured {@code lifecycles:}. After a transaction commits, each row that entered a state something
 * leaves waits in {@link DueRows} until the first transition out of it may be due. A due row is moved in a
 * transaction of its own: the first transition out of its state (file order) whose {@code when} holds on the row as
 * it is then, once its {@code after} has passed since the row entered the state. A row found in another state than
 * it was scheduled in, or gone, is left alone. What entering a state does runs before the commit that enters it
 * ({@link #entries()}).
 *
 * <p>Time: with the system clock the {@link DueTimer} applies transitions when they are due; {@link #advance} moves
 * the {@link TwinClock} ahead through each due instant in turn, so that each change is stamped with the time it was
 * due and a chain of transitions completes within one advance. Waiting rows live in memory: they are found again in
 * the tables when the twin starts, from each row's state and last update.
 */
public final class LifecycleEngine implements ChangeListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LifecycleEngine.class.getName());

    private final StateStore store;
    private final TwinClock clock;
    private final DueRows due = new DueRows();
    private final StateEntries entries = new StateEntries(() -> this.lifecycles);
    private final DueTimer timer;
    /** One processor at a time: the timer or an advance. */
    private final Object processing = new Object();
    private volatile CompiledLifecycles lifecycles = CompiledLifecycles.NONE;
    private boolean rescanned;

    public LifecycleEngine(StateStore store, TwinClock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = new DueTimer(clock, this::ring);
    }

    public TwinClock clock() {
        return clock;
    }

    /** The hook that runs what entering a state does, for {@link StateStore#beforeCommit}. */
    public CommitHook entries() {
        return entries;
    }

    /** The lifecycles of a (re)loaded configuration; on the first, rows already in the tables are scheduled. */
    public void install(TwinConfig config) {
        CompiledLifecycles compiled = CompiledLifecycles.of(config, store.tableNames());
        lifecycles = compiled;
        due.removeIf(key -> !compiled.byName().containsKey(key.lifecycle()));
        boolean first;
        synchronized (this) {
            first = !rescanned;
            rescanned = true;
        }
        if (first && !compiled.isEmpty()) {
            scheduleStoredRows(compiled);
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

    // ---- after commit: schedule rows that entered a state something leaves

    @Override
    public void committed(String tenant, List<RowChange> changes) {
        CompiledLifecycles current = lifecycles;
        if (current.isEmpty()) {
            return;
        }
        boolean scheduled = false;
        for (RowChange change : changes) {
            for (CompiledLifecycle lifecycle : current.of(change.table())) {
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
    private void scheduleStoredRows(CompiledLifecycles compiled) {
        for (String tenant : store.tenants()) {
            store.inTransaction(tenant, tables -> {
                compiled.byTable().forEach((table, ofTable) -> {
                    for (Row row : tables.list(table)) {
                        for (CompiledLifecycle lifecycle : ofTable) {
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
        CompiledLifecycle lifecycle = lifecycles.byName().get(scheduled.key().lifecycle());
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
            long now = clock.millis(); // the engine's time decides what is due (the store's stamps the change)
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
            if (!FieldWrites.apply(chosen.set(), variables, shaper, row, data, lifecycle.name() + " "
                    + scheduled.state() + " -> " + chosen.to())) {
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

    /** Arms the timer for the earliest waiting row, when time runs by itself. */
    private void wake() {
        OptionalLong earliest = due.earliest();
        if (clock.runs() && earliest.isPresent()) {
            timer.wakeAt(earliest.getAsLong());
        }
    }

    private void ring() {
        try {
            synchronized (processing) {
                runDue(clock.millis());
            }
        } finally {
            wake();
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
