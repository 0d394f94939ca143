package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.internal.http.ErrorKind;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The twin's tables for every tenant. Each tenant sees the seed rows plus only its own writes; writes happen in
 * {@link #inTransaction} and become visible all at once or not at all.
 *
 * <p>Concurrency: transactions of one tenant run one at a time, different tenants in parallel; reset, snapshots
 * and expiry sweeps briefly stop all transactions. State lives in memory; a {@link #persistent} store mirrors
 * every commit to a MapDB file on a writer thread (see {@link StateFile} for the durability window).
 *
 * <p>Expiry: with an {@code expireAfter}, a tenant idle (no transaction) for that long loses its writes, checked
 * when it next arrives and by a sweep on a background thread. After a restart the idle time counts from the
 * tenant's last write.
 */
public final class StateStore implements AutoCloseable {
    /** Transactions of one tenant that lost the race to commit to shared state before one is refused. */
    private static final int SHARED_ATTEMPTS = 50;
    /** With shared state, a tenant idle on this replica this long leaves its memory (the store keeps it). */
    private static final long SHARED_CACHE_IDLE_MILLIS = 300_000;

    /** Replaced (never changed) when the fields lists filter by are declared. */
    private volatile Map<String, TableDefinition> definitions;
    private final Clock clock;
    private final Duration expireAfter;
    private final TenantQuota quota;
    private final StateFile file;
    /** Null unless the state is shared with other replicas: then every tenant's tables here are a cache of it. */
    private final SharedState shared;
    private final ConcurrentHashMap<String, TenantState> tenants = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TenantState>> snapshots = new HashMap<>();
    /** Transactions share it; whole-store operations (reset, snapshots, sweeps) take it alone. */
    private final ReadWriteLock storeLock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService sweeper;
    private volatile ChangeListener changeListener = ChangeListener.NONE;
    private volatile CommitHook commitHook = CommitHook.NONE;
    private volatile CommitCheck commitCheck = CommitCheck.NONE;

    private StateStore(List<TableDefinition> tables, Clock clock, Duration expireAfter, TenantQuota quota,
                       StateFile file) {
        this(tables, clock, expireAfter, quota, file, null);
    }

    private StateStore(List<TableDefinition> tables, Clock clock, Duration expireAfter, TenantQuota quota,
                       StateFile file, SharedState shared) {
        Map<String, TableDefinition> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        this.definitions = Map.copyOf(byName);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expireAfter = expireAfter == null || expireAfter.isZero() || expireAfter.isNegative()
                ? null : expireAfter;
        this.quota = Objects.requireNonNull(quota, "quota");
        this.file = file;
        this.shared = shared;
        if (file != null) {
            StateFile.Contents contents = file.load(definitions);
            tenants.putAll(contents.tenants());
            contents.snapshots().forEach((name, json) -> snapshots.put(name, StateCodec.tenants(json, definitions)));
        }
        this.sweeper = shared != null ? startSweeper(Duration.ofMillis(SHARED_CACHE_IDLE_MILLIS))
                : this.expireAfter == null ? null : startSweeper(this.expireAfter);
    }

    /**
     * State shared with the other replicas of the twin through {@code shared} (which the store closes): every
     * transaction first brings the tenant's tables up to date, and commits only if no other replica committed
     * for the tenant meanwhile (else it runs again). Tenant expiry is the shared store's (it was opened with it).
     */
    public static StateStore shared(SharedState shared, List<TableConfig> tables, Clock clock, TenantQuota quota) {
        return new StateStore(definitions(tables), clock, null, quota, null,
                Objects.requireNonNull(shared, "shared"));
    }

    /** Whether the state is shared with other replicas (its calls then wait for the network). */
    public boolean isShared() {
        return shared != null;
    }

    /** The shared state, or null when the state lives in this process. */
    public SharedState sharedState() {
        return shared;
    }

    /** State in memory only, gone when the process ends. */
    /** The clock rows are stamped by: the twin's own, which fields computed from the clock read too. */
    public Clock clock() {
        return clock;
    }

    public static StateStore inMemory(List<TableConfig> tables, Clock clock) {
        return inMemory(tables, clock, null);
    }

    /** State in memory; tenants idle for {@code expireAfter} (null = never) lose their writes. */
    public static StateStore inMemory(List<TableConfig> tables, Clock clock, Duration expireAfter) {
        return inMemory(tables, clock, expireAfter, TenantQuota.DEFAULTS);
    }

    /** State in memory, each tenant holding at most {@code quota}. */
    public static StateStore inMemory(List<TableConfig> tables, Clock clock, Duration expireAfter,
                                      TenantQuota quota) {
        return new StateStore(definitions(tables), clock, expireAfter, quota, null);
    }

    /** State kept in {@code file} (MapDB) as well, so it survives a restart; reopening the file restores it. */
    public static StateStore persistent(Path file, List<TableConfig> tables, Clock clock) {
        return persistent(file, tables, clock, null);
    }

    public static StateStore persistent(Path file, List<TableConfig> tables, Clock clock, Duration expireAfter) {
        return persistent(file, tables, clock, expireAfter, TenantQuota.DEFAULTS);
    }

    public static StateStore persistent(Path file, List<TableConfig> tables, Clock clock, Duration expireAfter,
                                        TenantQuota quota) {
        return new StateStore(definitions(tables), clock, expireAfter, quota, StateFile.open(file));
    }

    /** The configured table names, in configuration order. */
    public List<String> tableNames() {
        return List.copyOf(definitions.keySet());
    }

    /**
     * Declares the fields lists filter tables by (table name to its stored fields: parent path fields and
     * references), so that a filtered list reads an index instead of every row. Each tenant's index is built on
     * its first filtered list and kept current at commit; declaring other fields later rebuilds them then.
     */
    public void indexFilterFields(Map<String, Set<FilteredField>> fieldsByTable) {
        storeLock.writeLock().lock();
        try {
            Map<String, TableDefinition> changed = new LinkedHashMap<>(definitions);
            boolean any = false;
            for (TableDefinition definition : definitions.values()) {
                Set<FilteredField> fields = fieldsByTable.getOrDefault(definition.name(), Set.of());
                if (!fields.equals(definition.filterFields())) {
                    changed.put(definition.name(), definition.withFilterFields(fields));
                    any = true;
                }
            }
            if (any) {
                definitions = Map.copyOf(changed);
            }
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /**
     * What every transaction with writes must pass before it commits (one check; none by default), after the
     * {@link CommitHook} added its writes.
     */
    public void checkBeforeCommit(CommitCheck check) {
        this.commitCheck = Objects.requireNonNull(check, "check");
    }

    /** Who hears about committed row changes (one listener; {@link ChangeListener#NONE} by default). */
    public void onCommit(ChangeListener listener) {
        this.changeListener = Objects.requireNonNull(listener, "listener");
    }

    /** Who sees each transaction's writes before they commit (one hook; {@link CommitHook#NONE} by default). */
    public void beforeCommit(CommitHook hook) {
        this.commitHook = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Runs {@code work} against the tenant's tables. Its writes are buffered and applied when it returns
     * normally; if it throws, none of them is visible. Transactions of one tenant run one at a time.
     */
    public <T> T inTransaction(String tenant, Function<TenantTables, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        long arrived = shared == null ? 0 : System.nanoTime();
        LoopAnswer loop = shared == null ? null : LoopAnswer.current();
        if (loop != null) {
            RuntimeException failure = loop.takeFailure();
            if (failure != null) {
                throw failure; // its commit sent from the event loop failed so: answered as a wait would have been
            }
            LoopAnswer.Done replayed = loop.nested() ? null : loop.replayNext(tenant);
            if (replayed != null) { // a continuation: this transaction ran on the loop, and its commit landed
                if (replayed.error() != null) {
                    throw replayed.error();
                }
                @SuppressWarnings("unchecked")
                T result = (T) replayed.result();
                return result;
            }
            if (loop.defers()) {
                return onLoop(tenant, work, arrived, loop);
            }
            if (loop.abortedOnLoop()) { // something caught the step's WouldBlock: nothing waits on the loop
                throw WouldBlock.INSTANCE;
            }
        }
        return inTransaction(tenant, work, arrived, null);
    }

    /** A transaction on an event loop: what it returned or threw is noted, for a continuation to return again. */
    private <T> T onLoop(String tenant, Function<TenantTables, T> work, long arrived, LoopAnswer loop) {
        boolean outermost = loop.begin();
        T result;
        try {
            result = inTransaction(tenant, work, arrived, loop);
        } catch (WouldBlock e) {
            loop.end(false, tenant, null, null);
            throw e;
        } catch (RuntimeException e) {
            loop.end(outermost, tenant, null, e);
            throw e;
        }
        loop.end(outermost, tenant, result, null);
        return result;
    }

    private <T> T inTransaction(String tenant, Function<TenantTables, T> work, long arrived, LoopAnswer loop) {
        lock(storeLock.readLock(), loop);
        try {
            boolean behind = false;
            int refused = 0;
            while (true) {
                TenantState state = tenants.computeIfAbsent(tenant, key -> new TenantState(clock.millis()));
                SharedAnswer<T> answer;
                lock(state, loop);
                try {
                    if (state.retired) {
                        continue; // dropped while this transaction waited: take the tenant's entry anew
                    }
                    if (shared == null) {
                        return run(tenant, state, work);
                    }
                    answer = runShared(tenant, state, work, arrived, behind, loop);
                } finally {
                    state.slowHolder = false;
                    state.lock.unlock();
                }
                // outside the tenant's lock: the tenant's other transactions go on meanwhile
                if (answer.commit() != null) {
                    if (loop != null) {
                        loop.awaitCommit(settleLater(tenant, state, answer.commit()));
                        return answer.result();
                    }
                    if (settle(tenant, state, answer.commit())) {
                        return answer.result();
                    }
                    if (++refused >= SHARED_ATTEMPTS) {
                        throw new StateException(ErrorKind.UNAVAILABLE, "Too many concurrent writes for this tenant"
                                + " on other replicas; try again.");
                    }
                    continue; // it did not land: run again on the copy caught up with what it missed
                }
                if (loop != null && answer.remember() == null) {
                    loop.await(confirmLater(tenant, answer, arrived));
                    if (answer.error() != null) {
                        throw answer.error();
                    }
                    return answer.result();
                }
                if (loop != null) {
                    loop.cannotWait(); // an answer to remember on its own: a write to the store of its own
                }
                Confirmation confirmation = confirm(tenant, answer, arrived);
                if (confirmation == Confirmation.CURRENT) {
                    if (answer.error() != null) {
                        throw answer.error();
                    }
                    rememberAlone(tenant, answer.remember());
                    return answer.result();
                }
                behind = confirmation == Confirmation.BEHIND; // sync, and run again
            }
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /** What a read's look at the shared store found. */
    private enum Confirmation {
        /** the copy it read was current at a moment after it arrived: its answer may leave */
        CURRENT,
        /** the copy was behind: sync and run again */
        BEHIND,
        /** the commit the copy was waiting on did not land: run again on the copy without it */
        AGAIN
    }

    /**
     * A read (or a refusal): answered once the copy it read is known to be current at some moment after it arrived.
     * A copy holding commits still on their way is that once the next commit sent after the read landed, or the last
     * of them landed if it was sent after the arrival; otherwise a look at the version the copy was at.
     */
    private Confirmation confirm(String tenant, SharedAnswer<?> answer, long arrived) {
        TenantVersion at = answer.at();
        PendingCommit after = answer.after();
        if (after != null) {
            // the next commit sent after this read ran (if one is sent before the last commit it read is settled),
            // made on the very copy the read ran on: landing, it proves nothing came between the two, so that copy
            // was the tenant's state until that commit landed, a moment after the read arrived
            CompletableFuture.anyOf(after.told, answer.next()).join();
            PendingCommit next = answer.next().getNow(null);
            if (next != null && next.base.equals(at)) {
                next.told.join(); // told in commit order: the read's own last commit is settled too
                return next.landed() != null && after.landed() != null ? Confirmation.CURRENT : Confirmation.AGAIN;
            }
            after.told.join();
            CommitOutcome landed = after.landed();
            if (landed == null) {
                return Confirmation.AGAIN;
            }
            if (after.sentAt - arrived >= 0) {
                return Confirmation.CURRENT;
            }
            at = landed.applied();
        }
        if (at == null || shared.isCurrent(tenant, at)) {
            return Confirmation.CURRENT;
        }
        return Confirmation.BEHIND;
    }

    /**
     * Takes {@code lock}; on an event loop ({@code loop} not null) only when it is free at once, else the request goes
     * to a worker ({@link LoopAnswer#cannotWait}) — another thread may hold it across a round trip to the store.
     */
    private static void lock(java.util.concurrent.locks.Lock lock, LoopAnswer loop) {
        if (loop == null) {
            lock.lock();
        } else if (!lock.tryLock()) {
            loop.cannotWait(); // throws: the request runs again, or is continued, on a worker
        }
    }

    /**
     * Takes the tenant's lock; on an event loop without waiting while its holder may wait for the store under it
     * (else the holder's work is microseconds in memory, as in the in-memory store, whose event loops share it too).
     */
    private static void lock(TenantState state, LoopAnswer loop) {
        if (loop == null) {
            state.lock.lock();
            return;
        }
        if (state.lock.tryLock()) {
            return;
        }
        if (state.slowHolder) {
            loop.cannotWait(); // throws: the request runs again, or is continued, on a worker
        }
        state.lock.lock();
    }

    /**
     * {@link #confirm} without waiting, for a request answered on an event loop: completes true when the copy the
     * read ran on was current at a moment after it arrived, false when it must run again (on a worker).
     */
    private CompletableFuture<Boolean> confirmLater(String tenant, SharedAnswer<?> answer, long arrived) {
        TenantVersion at = answer.at();
        PendingCommit after = answer.after();
        if (after == null) {
            return at == null ? LoopAnswer.held() : shared.sendCheck(tenant, at).toCompletableFuture();
        }
        return CompletableFuture.anyOf(after.told, answer.next()).thenCompose(first -> {
            PendingCommit next = answer.next().getNow(null);
            if (next != null && next.base.equals(at)) {
                return next.told.thenApply(told -> next.landed() != null && after.landed() != null);
            }
            return after.told.thenCompose(told -> {
                CommitOutcome landed = after.landed();
                if (landed == null) {
                    return CompletableFuture.completedFuture(false);
                }
                if (after.sentAt - arrived >= 0) {
                    return LoopAnswer.held();
                }
                return shared.sendCheck(tenant, landed.applied());
            });
        });
    }

    /**
     * {@link #settle} without waiting, for a request answered on an event loop: completes (on the thread the store's
     * reply or the commit before it completes on) true once the commit landed and the listener was told, in commit
     * order; false when it did not land; exceptionally as {@link #settle} throws.
     */
    private CompletableFuture<Boolean> settleLater(String tenant, TenantState state, PendingCommit commit) {
        CompletableFuture<Boolean> settled = new CompletableFuture<>();
        commit.outcome().whenComplete((outcome, failure) -> {
            boolean landed = failure == null && outcome.isApplied();
            if (!landed) {
                state.broken = true;
            }
            commit.before.whenComplete((before, ignored) -> {
                try {
                    if (landed) {
                        tell(tenant, commit);
                    }
                } catch (RuntimeException e) {
                    System.getLogger(StateStore.class.getName()).log(System.Logger.Level.ERROR,
                            "telling a commit's changes failed", e);
                } finally {
                    commit.told.complete(null);
                }
                if (failure != null) {
                    settled.completeExceptionally(PendingCommit.cause(failure));
                } else {
                    settled.complete(landed);
                }
            });
        });
        return settled;
    }

    /** Tells the listener of a commit that landed (its changes, then its events). */
    private void tell(String tenant, PendingCommit commit) {
        for (RowChange change : commit.changes) {
            if (change.before() != null) {
                change.before().dropDerived(); // it left the table; an event may keep it, not its answer
            }
        }
        changeListener.storedChanges(tenant, commit.changes);
        if (!commit.events.isEmpty()) {
            changeListener.stored(tenant, commit.events, false);
        }
    }

    /**
     * The transaction that made {@code commit} waits for its outcome (outside the tenant's lock) and, once it landed,
     * tells the listener, in commit order. A commit that did not land marks the copy broken: the tenant's next
     * transaction takes it back ({@link #settleLocked}).
     *
     * @return true: it landed; false: refused (another replica committed first, or a commit it followed did not land)
     */
    private boolean settle(String tenant, TenantState state, PendingCommit commit) {
        boolean told = false;
        try {
            CommitOutcome outcome;
            try {
                outcome = commit.await();
            } catch (RuntimeException e) {
                state.broken = true; // Redis away, a timeout, or the idempotency key answered already
                throw e;
            }
            if (!outcome.isApplied()) {
                state.broken = true;
                return false;
            }
            commit.before.join();
            told = true;
            tell(tenant, commit);
            return true;
        } finally {
            if (!told) {
                commit.before.join(); // settled in commit order also when it did not land
            }
            commit.told.complete(null);
        }
    }

    /**
     * Under the tenant's lock, before a transaction runs: drops the commits that landed and were told; when one did
     * not land (or {@code wait}: the caller needs a copy holding only what landed), waits for every commit on its way
     * and takes back, newest first, those that did not land; the copy then holds exactly what the store holds at its
     * version, and what a refused commit brought of other replicas' writes is applied on top.
     */
    private void settleLocked(String tenant, TenantState state, boolean wait) {
        java.util.ArrayDeque<PendingCommit> unsettled = state.unsettled;
        while (!unsettled.isEmpty() && unsettled.peekFirst().told.isDone()
                && unsettled.peekFirst().landed() != null) {
            state.syncBegan = unsettled.pollFirst().sentAt;
        }
        if (unsettled.isEmpty()) {
            state.broken = false;
            return;
        }
        PendingCommit last = unsettled.peekLast();
        if (!wait && !state.broken && (!last.isDone() || last.landed() != null)) {
            return; // the commits on their way may all land: the next transaction runs on top of them
        }
        last.told.join();
        List<PendingCommit> commits = new ArrayList<>(unsettled);
        unsettled.clear();
        state.broken = false;
        int landed = -1; // a commit that landed proves every one before it landed (each followed the one before)
        for (int i = commits.size() - 1; i >= 0 && landed < 0; i--) {
            if (commits.get(i).landed() != null) {
                landed = i;
            }
        }
        for (int i = commits.size() - 1; i > landed; i--) {
            commits.get(i).undo.apply(state, definitions);
        }
        if (landed >= 0) {
            state.shared = commits.get(landed).landed().applied();
            state.syncBegan = commits.get(landed).sentAt;
        }
        if (landed + 1 < commits.size()) {
            PendingCommit first = commits.get(landed + 1);
            state.shared = first.base;
            CommitOutcome refused = first.refusedWithChanges();
            if (refused != null) {
                applySync(tenant, state, refused.missed(), first.sentAt);
            }
        }
    }

    /** Whether {@link #settleLocked} (not asked to wait) would wait for a commit on its way. */
    private static boolean mustWaitToSettle(TenantState state) {
        PendingCommit last = state.unsettled.peekLast();
        return last != null && !last.told.isDone() && (state.broken || last.isDone() && last.landed() == null);
    }

    /** The hook's writes, then the check of them all: a refused transaction keeps none. */
    private void beforeCommit(TenantTables tables) {
        commitHook.beforeCommit(tables);
        commitCheck.check(tables);
    }

    /** One transaction under the tenant's lock; an entry left holding nothing is dropped, so reads cost no memory. */
    private <T> T run(String tenant, TenantState state, Function<TenantTables, T> work) {
        try {
            long now = clock.millis();
            if (isExpired(state, now)) {
                state.clear();
                if (file != null) {
                    file.dropTenant(tenant);
                }
            }
            state.lastActivityMillis = now;
            TenantTables tables = new TenantTables(tenant, definitions, state, clock, quota);
            T result;
            try {
                result = work.apply(tables);
                if (tables.hasWrites()) {
                    beforeCommit(tables);
                }
            } finally {
                tables.close();
            }
            if (tables.hasWrites()) {
                commit(tenant, state, tables);
                List<RowChange> changes = tables.changes();
                for (RowChange change : changes) {
                    if (change.before() != null) {
                        change.before().dropDerived(); // it left the table; an event may keep it, not its answer
                    }
                }
                if (!changes.isEmpty()) {
                    changeListener.committed(tenant, changes);
                }
            }
            return result;
        } finally {
            if (state.holdsNothing()) {
                // a key that only read, or was refused (a 404, a quota error), holds nothing: any string a client
                // sends is a tenant, and it must not cost memory until a reset
                state.retired = true;
                tenants.remove(tenant, state);
            }
        }
    }

    /**
     * One transaction against shared state, under the tenant's lock, run against this replica's copy of the tenant.
     * The copy is known to be current at some moment after the transaction arrived when a sync, check or commit of
     * this tenant began after the arrival (transactions queued behind one need nothing more). A write is applied to
     * the copy and sent with the version the work read, and the lock is let go before the store answers: the
     * tenant's next transactions run on the copy holding it, their commits sent after it to land only if it did
     * ({@link SharedState#send}), so a tenant's writes are pipelined rather than one round trip each. A commit that
     * did not land (another replica committed first: the store applies nothing and returns what was missed) is taken
     * back, and its transaction runs again on the caught-up copy. (While a scenario batches its events, a write on a
     * copy not known to be current looks at the tenant's version first and commits alone, see
     * {@link ChangeListener#keepsEmitted}.) A read (or a refusal) on a copy not known to be current is returned
     * unconfirmed, with the version it read or the commit its copy waits on, for the caller to check outside the lock.
     *
     * @param behind a check found the copy behind: sync before running
     */
    private <T> SharedAnswer<T> runShared(String tenant, TenantState state, Function<TenantTables, T> work,
                                         long arrived, boolean behind, LoopAnswer loop) {
        try {
            for (int attempt = 1; ; attempt++) {
                boolean batching = changeListener.keepsEmitted();
                boolean needsSync = state.shared == null || behind && state.syncBegan - arrived < 0;
                if (needsSync || batching || mustWaitToSettle(state)) {
                    if (loop != null) {
                        loop.cannotWait();
                    }
                    state.slowHolder = true; // cleared when the lock is let go
                }
                settleLocked(tenant, state, needsSync || batching);
                if (state.shared == null || behind && state.syncBegan - arrived < 0) {
                    syncLocked(tenant, state); // first use on this replica (the whole tenant), or found behind
                }
                PendingCommit last = state.unsettled.peekLast();
                boolean current = last == null && state.syncBegan - arrived >= 0;
                state.lastActivityMillis = clock.millis();
                TenantTables tables = new TenantTables(tenant, definitions, state, clock, quota);
                T result;
                try {
                    result = work.apply(tables);
                    if (tables.hasWrites()) {
                        beforeCommit(tables);
                    }
                } catch (RuntimeException e) {
                    if (!current) {
                        return SharedAnswer.unconfirmed(state.shared, last, state.nextSent, null, e, null);
                    }
                    throw e;
                } finally {
                    tables.close();
                }
                if (!tables.hasWrites()) {
                    return current ? SharedAnswer.confirmed(result, tables.answerToRemember())
                            : SharedAnswer.unconfirmed(state.shared, last, state.nextSent, result, null,
                            tables.answerToRemember());
                }
                List<RowChange> changes = tables.changes();
                if (!batching) {
                    List<SharedEvent> events = changes.isEmpty() ? List.of()
                            : changeListener.emitted(tenant, changes, tables);
                    SharedWrite write = TenantMirror.write(state, definitions, tables, events);
                    CommitUndo undo = CommitUndo.before(state, tables);
                    long began = System.nanoTime();
                    SentCommit sent = shared.send(tenant, state.shared, last == null ? null : last.sent.token(),
                            write);
                    commit(tenant, state, tables);
                    PendingCommit pending = new PendingCommit(state.shared, sent, began, undo, changes, events,
                            last == null ? PendingCommit.NOTHING_BEFORE : last.told);
                    state.unsettled.addLast(pending);
                    state.shared = sent.expected();
                    CompletableFuture<PendingCommit> waiting = state.nextSent;
                    state.nextSent = new CompletableFuture<>();
                    waiting.complete(pending);
                    return SharedAnswer.committing(result, pending);
                }
                if (!current) {
                    // changes kept in a scenario's batch of events cannot be taken back if the commit is refused: they
                    // come only from a copy known to be current (a look at the version first)
                    long began = System.nanoTime();
                    if (!shared.isCurrent(tenant, state.shared)) {
                        syncLocked(tenant, state);
                        continue;
                    }
                    state.syncBegan = began;
                }
                List<SharedEvent> events = changes.isEmpty() ? List.of()
                        : changeListener.emitted(tenant, changes, tables);
                long began = System.nanoTime();
                CommitOutcome outcome = shared.commit(tenant, state.shared,
                        TenantMirror.write(state, definitions, tables, events));
                if (!outcome.isApplied()) {
                    applySync(tenant, state, outcome.missed(), began);
                    if (attempt >= SHARED_ATTEMPTS) {
                        throw new StateException(ErrorKind.UNAVAILABLE, "Too many concurrent writes for this tenant"
                                + " on other replicas; try again.");
                    }
                    continue; // another replica committed first: its writes are applied now, run again
                }
                commit(tenant, state, tables);
                state.shared = outcome.applied();
                // the commit found the copy current when Redis applied it: as good as a sync begun when it was sent
                state.syncBegan = began;
                for (RowChange change : changes) {
                    if (change.before() != null) {
                        change.before().dropDerived();
                    }
                }
                changeListener.storedChanges(tenant, changes);
                if (!events.isEmpty()) {
                    changeListener.stored(tenant, events, false);
                }
                return SharedAnswer.confirmed(result, null);
            }
        } finally {
            if (holdsNothingShared(state)) {
                state.retired = true;
                tenants.remove(tenant, state);
            }
        }
    }

    /**
     * What a transaction on shared state answers (its result, or the error it threw; the idempotency record of an
     * answer that wrote nothing, stored on its own), and what it waits for before it may leave: the commit it sent
     * ({@code commit}), or, for a copy not known to be current, the commit that copy waits on ({@code after}) with the
     * next commit to be sent ({@code next}), or the version it read ({@code at}); all null: confirmed.
     */
    private record SharedAnswer<T>(TenantVersion at, PendingCommit after, CompletableFuture<PendingCommit> next,
                                   PendingCommit commit, T result, RuntimeException error,
                                   IdempotencyRecord remember) {
        static <T> SharedAnswer<T> confirmed(T result, IdempotencyRecord remember) {
            return new SharedAnswer<>(null, null, null, null, result, null, remember);
        }

        static <T> SharedAnswer<T> unconfirmed(TenantVersion at, PendingCommit after,
                                               CompletableFuture<PendingCommit> next, T result,
                                               RuntimeException error, IdempotencyRecord remember) {
            return new SharedAnswer<>(at, after, after == null ? null : next, null, result, error, remember);
        }

        static <T> SharedAnswer<T> committing(T result, PendingCommit commit) {
            return new SharedAnswer<>(null, null, null, commit, result, null, null);
        }
    }

    /**
     * An answer that wrote nothing has no commit to ride with: its record is stored on its own. A store that cannot
     * take it leaves the key unremembered (a retry runs again, and writes nothing again); the answer is sent.
     */
    private void rememberAlone(String tenant, IdempotencyRecord record) {
        if (record == null) {
            return;
        }
        try {
            shared.idempotency().putIfAbsent(tenant, record.key(), record.value(), record.windowMillis());
        } catch (StateException e) {
            System.getLogger(StateStore.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remember idempotency key " + record.key() + ": " + e.getMessage());
        }
    }

    /**
     * Shared state: nothing in memory and nothing committed (a tenant with only events holds its commits' version,
     * kept so that its next transaction syncs what changed rather than everything).
     */
    private static boolean holdsNothingShared(TenantState state) {
        return state.holdsNothing() && state.unsettled.isEmpty()
                && (state.shared == null || state.shared.version() == 0);
    }

    /** Brings the tenant's tables (and its events, to the listener) up to what the shared store holds. */
    private void syncLocked(String tenant, TenantState state) {
        long began = System.nanoTime();
        applySync(tenant, state, shared.sync(tenant, state.shared), began);
    }

    /** Applies what the store returned (a sync's, or a refused commit's) to the tenant's copy. */
    private void applySync(String tenant, TenantState state, TenantSync sync, long began) {
        state.syncBegan = began;
        if (sync.isUnchanged() && sync.at().equals(state.shared)) {
            return;
        }
        TenantMirror.apply(state, definitions, sync);
        if (sync.whole() || !sync.events().isEmpty()) {
            changeListener.stored(tenant, sync.events(), sync.whole());
        }
    }

    /**
     * With shared state, brings the tenant's tables and events up to what every replica committed (before reading
     * them outside a transaction, as the events list does); nothing in memory.
     */
    public void refresh(String tenant) {
        if (shared != null) {
            inTransaction(tenant, tables -> null);
        }
    }

    /**
     * Shared state: stores events no row write emitted (a trigger, a scenario's net events), so that every replica
     * lists them and their webhooks are delivered once.
     */
    public void storeEvents(String tenant, List<SharedEvent> events) {
        if (shared == null) {
            throw new IllegalStateException("events are stored with the rows only for shared state");
        }
        if (events.isEmpty()) {
            return;
        }
        LoopAnswer.beforeWait();
        storeLock.readLock().lock();
        try {
            while (true) {
                TenantState state = tenants.computeIfAbsent(tenant, key -> new TenantState(clock.millis()));
                state.lock.lock();
                state.slowHolder = true;
                try {
                    if (state.retired) {
                        continue;
                    }
                    settleLocked(tenant, state, true);
                    if (state.shared == null) {
                        syncLocked(tenant, state);
                    }
                    for (int attempt = 1; ; attempt++) {
                        long began = System.nanoTime();
                        CommitOutcome outcome = shared.commit(tenant, state.shared,
                                new SharedWrite(Map.of(), List.of(), events));
                        if (outcome.isApplied()) {
                            state.shared = outcome.applied();
                            state.syncBegan = began;
                            changeListener.stored(tenant, events, false);
                            return;
                        }
                        applySync(tenant, state, outcome.missed(), began);
                        if (attempt >= SHARED_ATTEMPTS) {
                            throw new StateException(ErrorKind.UNAVAILABLE, "Too many concurrent writes for this"
                                    + " tenant on other replicas; try again.");
                        }
                    }
                } finally {
                    if (holdsNothingShared(state)) {
                        state.retired = true;
                        tenants.remove(tenant, state);
                    }
                    state.slowHolder = false;
                    state.lock.unlock();
                }
            }
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /** Drops every tenant's writes: all tables are back to their seed rows. Snapshots are kept. */
    public void reset() {
        whole(() -> {
            if (shared != null) {
                shared.reset();
            }
            tenants.clear();
            if (file != null) {
                file.replaceAll(Map.of());
            }
        });
    }

    public void resetTenant(String tenant) {
        whole(() -> {
            TenantVersion empty = null;
            long began = System.nanoTime();
            if (shared != null) {
                empty = shared.resetTenant(tenant);
            }
            tenants.remove(tenant);
            if (empty != null) {
                // the copy is the empty tenant the reset left, applied as the whole sync that would have fetched it:
                // the tenant's next request needs no sync first (which on an event loop would have sent it, and every
                // request of the tenant behind it, to a worker)
                TenantState fresh = new TenantState(clock.millis());
                applySync(tenant, fresh, new TenantSync(empty, true, Map.of(), List.of(), List.of()), began);
                tenants.put(tenant, fresh);
            }
            if (file != null) {
                file.dropTenant(tenant);
            }
        });
    }

    /**
     * Puts one table back to its seed rows, for one tenant or (null) for all.
     *
     * @throws StateException NOT_FOUND when no such table is configured
     */
    public void resetTable(String tenantOrNull, String table) {
        TableDefinition definition = definitions.get(table);
        if (definition == null) {
            throw new StateException(ErrorKind.NOT_FOUND, "No table named '" + table + "'; known: "
                    + String.join(", ", definitions.keySet()));
        }
        if (shared != null) {
            whole(() -> {
                shared.resetTable(tenantOrNull, table);
                if (tenantOrNull == null) {
                    tenants.clear();
                } else {
                    tenants.remove(tenantOrNull);
                }
            });
            return;
        }
        whole(() -> tenants.forEach((tenant, state) -> {
            if ((tenantOrNull == null || tenant.equals(tenantOrNull)) && state.dropTable(table)
                    && file != null) {
                file.dropTable(tenant, StateFile.metaOf(state), table);
            }
        }));
    }

    /** Saves every tenant's state under {@code name}, replacing an older snapshot of that name. */
    public void saveSnapshot(String name) {
        Objects.requireNonNull(name, "name");
        if (shared != null) {
            whole(() -> shared.saveSnapshot(name));
            return;
        }
        whole(() -> {
            Map<String, TenantState> copy = copyOf(tenants);
            snapshots.put(name, copy);
            if (file != null) {
                file.putSnapshot(name, copy);
            }
        });
    }

    /**
     * Replaces the current state of all tenants by the snapshot's.
     *
     * @throws StateException NOT_FOUND when there is no snapshot of that name
     */
    public void restoreSnapshot(String name) {
        if (shared != null) {
            whole(() -> {
                if (!shared.restoreSnapshot(name)) {
                    throw new StateException(ErrorKind.NOT_FOUND, "No snapshot named '" + name + "'");
                }
                tenants.clear();
            });
            return;
        }
        whole(() -> {
            Map<String, TenantState> snapshot = snapshots.get(name);
            if (snapshot == null) {
                throw new StateException(ErrorKind.NOT_FOUND, "No snapshot named '" + name + "'");
            }
            long now = clock.millis();
            tenants.clear();
            tenants.putAll(copyOf(snapshot));
            tenants.values().forEach(state -> state.lastActivityMillis = now);
            if (file != null) {
                file.replaceAll(copyOf(tenants));
            }
        });
    }

    /** Snapshot names, sorted. */
    public List<String> snapshots() {
        if (shared != null) {
            return shared.snapshots();
        }
        storeLock.readLock().lock();
        try {
            return snapshots.keySet().stream().sorted().toList();
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /** Tenants that have written something (and not expired or been reset), sorted. */
    public List<String> tenants() {
        if (shared != null) {
            return shared.tenants();
        }
        return tenants.entrySet().stream()
                .filter(entry -> hasWrites(entry.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Tenants held in memory, readers included (a full reset leaves none). */
    public int tenantCount() {
        return tenants.size();
    }

    /** {@code {table: [row data, ...]}} as the tenant sees its tables; does not count as tenant activity. */
    public ObjectNode dump(String tenant) {
        refresh(tenant);
        ObjectNode dump = StateCodec.JSON.createObjectNode();
        storeLock.readLock().lock();
        try {
            TenantState state = tenants.get(tenant);
            if (state == null || isExpired(state, clock.millis())) {
                state = new TenantState(0);
            }
            state.lock.lock();
            state.slowHolder = shared != null;
            try {
                if (shared != null) {
                    settleLocked(tenant, state, true); // only what landed
                }
                for (String table : definitions.keySet().stream().sorted().toList()) {
                    TableDefinition definition = definitions.get(table);
                    TableOverlay overlay = state.existingOverlay(table);
                    List<Row> rows = overlay == null
                            ? new ArrayList<>(definition.seeds().values()) : overlay.rows(definition);
                    ArrayNode array = dump.putArray(table);
                    rows.forEach(row -> array.add(row.data()));
                }
            } finally {
                state.slowHolder = false;
                state.lock.unlock();
            }
        } finally {
            storeLock.readLock().unlock();
        }
        return dump;
    }

    /** Drops the writes of every tenant idle for longer than {@code expireAfter}; the sweeper calls it. */
    public void sweepExpired() {
        if (shared != null) {
            forgetIdleCaches();
            return;
        }
        if (expireAfter == null) {
            return;
        }
        long now = clock.millis();
        if (tenants.values().stream().noneMatch(state -> isExpired(state, now))) {
            return;
        }
        whole(() -> tenants.entrySet().removeIf(entry -> {
            if (!isExpired(entry.getValue(), now)) {
                return false;
            }
            if (file != null) {
                file.dropTenant(entry.getKey());
            }
            return true;
        }));
    }

    /** Shared state: tenants idle here for a while leave this replica's memory (the shared store keeps them). */
    private void forgetIdleCaches() {
        long now = clock.millis();
        tenants.forEach((tenant, state) -> {
            if (now - state.lastActivityMillis > SHARED_CACHE_IDLE_MILLIS && state.lock.tryLock()) {
                try {
                    if (!state.unsettled.isEmpty() && !state.unsettled.peekLast().told.isDone()) {
                        return; // a commit is on its way: not idle after all
                    }
                    state.retired = true;
                    tenants.remove(tenant, state);
                } finally {
                    state.lock.unlock();
                }
            }
        });
    }

    /** Waits until everything committed so far is in the state file (no-op in memory). */
    public void flush() {
        if (file != null) {
            file.flush();
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (file != null) {
            file.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    private void commit(String tenant, TenantState state, TenantTables tables) {
        List<StateFile.RowChange> changes = file == null ? null : new ArrayList<>();
        TenantUsage usage = state.usage(); // counted before the writes land, so they are not counted twice
        usage.rows += tables.pendingRows();
        usage.bytes += tables.pendingBytes();
        tables.pendingWrites().forEach((table, writes) -> {
            TableDefinition definition = definitions.get(table);
            TableOverlay overlay = state.overlay(definition);
            writes.forEach((id, row) -> {
                if (row == null) {
                    overlay.remove(definition, id);
                } else {
                    overlay.put(definition, row, state.nextPosition++);
                }
                if (changes != null) {
                    changes.add(changeOf(definition, overlay, id));
                }
            });
        });
        tables.pendingSequences().forEach((table, sequence) ->
                state.overlay(definitions.get(table)).sequence = sequence);
        if (file != null) {
            file.writeTenant(tenant, StateFile.metaOf(state), changes);
        }
    }

    private static StateFile.RowChange changeOf(TableDefinition definition, TableOverlay overlay, String id) {
        return overlay.stateOf(definition.name(), id);
    }

    private static boolean hasWrites(TenantState state) {
        state.lock.lock();
        try {
            return !state.tables.isEmpty();
        } finally {
            state.lock.unlock();
        }
    }

    private boolean isExpired(TenantState state, long now) {
        return expireAfter != null && now - state.lastActivityMillis > expireAfter.toMillis();
    }

    private void whole(Runnable operation) {
        storeLock.writeLock().lock();
        try {
            operation.run();
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    private static Map<String, TenantState> copyOf(Map<String, TenantState> state) {
        Map<String, TenantState> copy = new HashMap<>();
        state.forEach((tenant, tenantState) -> {
            if (!tenantState.tables.isEmpty()) {
                copy.put(tenant, tenantState.copy());
            }
        });
        return copy;
    }

    private ScheduledExecutorService startSweeper(Duration expireAfter) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "twin-state-expiry");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1_000, Math.min(expireAfter.toMillis() / 2, 60_000));
        executor.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.MILLISECONDS);
        return executor;
    }

    private void sweepSafely() {
        try {
            sweepExpired();
        } catch (RuntimeException e) {
            System.err.println("twin: expiring idle tenants failed: " + e);
        }
    }

    private static List<TableDefinition> definitions(List<TableConfig> tables) {
        return tables.stream().map(TableDefinition::from).toList();
    }
}
